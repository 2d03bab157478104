// The script the single executable runs (bundled by scripts/build-binary.mjs into one CommonJS file
// with everything it imports): the same entry as bin/tc-webhook.js, less what only an npm
// installation needs (its compile cache, its check that dist/ is built).
import { main } from '../dist/src/cli.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`tc-webhook: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
