// Builds dist/ after `npm ci` or `npm install` in a clone of the repository, so `npx tc-webhook` works
// straight away. It runs as npm's `dependencies` script, which npm runs only in the project's own
// directory, never where tc-webhook is installed as a package (the packed tarball ships dist/, built
// by `prepack`, and so has no install-time script at all). Without the dev dependencies
// (`npm ci --omit=dev`) there is no compiler: it says so instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('typescript');
} catch {
  const built = existsSync(new URL('../dist/src/cli.js', import.meta.url));
  console.error(
    built
      ? 'tc-webhook: dev dependencies not installed; keeping the existing dist/ build'
      : 'tc-webhook: dev dependencies not installed, so dist/ was not built; run `npm ci` to build',
  );
  process.exit(0);
}
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
