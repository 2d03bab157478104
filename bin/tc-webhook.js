#!/usr/bin/env node
// Node.js 22.1+ keeps the compiled code of the tool's modules between runs (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();

let main;
try {
  ({ main } = await import('../dist/src/cli.js'));
} catch (error) {
  // A clone that was installed but not built (`npm ci` alone) has no dist/.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/src/cli.js'))
    throw error;
  process.stderr.write(
    'tc-webhook: this copy is not built (no dist/): run `npm run build` in it, then try again\n',
  );
  process.exit(2);
}

const code = await main(process.argv);
// The result is printed: end now, once stdout and stderr have taken it, rather than when the last
// socket or timer of an abandoned request lets go (a connection attempt cut by --timeout or Ctrl-C).
const flushed = (stream) => new Promise((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
