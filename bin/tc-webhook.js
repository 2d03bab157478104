#!/usr/bin/env node
// `--version` alone is answered here, before any of the tool loads: what commander would print.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}

// Node.js 22.1+ keeps the compiled code of the tool's modules between runs (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();

let main;
try {
  ({ main } = await import('../dist/src/cli.js'));
} catch (error) {
  // A clone installed without its dev dependencies (`npm ci --omit=dev`) has no compiler, so no dist/.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/src/cli.js'))
    throw error;
  process.stderr.write('tc-webhook: this copy is not built (no dist/): run `npm ci` in it, then try again\n');
  process.exit(2);
}

process.exitCode = await main(process.argv);
