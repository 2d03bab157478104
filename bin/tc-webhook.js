#!/usr/bin/env node
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
