/**
 * Build step (`npm run build`, right after tsc): the installed commander, prepared as the one file
 * the tool loads it from (package.json "imports" names it `#vendor/commander`; src/cli/commander.ts
 * requires it). esbuild bundles commander's files into one CommonJS file, so a start resolves and
 * reads one file rather than six, and gives commander a stand-in for node:child_process: commander
 * needs that module only to run a subcommand that is a separate executable, which tc-webhook has
 * none of, yet requires it (and node:net with it) when it is loaded, a noticeable part of every
 * start. The stand-in loads the real module on the first `spawn`. commander's MIT licence heads the
 * file, so the package carries it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const IMPORT_NAME = '#vendor/commander';

/** commander's one use of node:child_process, loading the module when it is first called. */
function childProcessOnFirstSpawn(): Plugin {
  return {
    name: 'child-process-on-first-spawn',
    setup(build) {
      // commander's own require (the stand-in's is Node.js's module, left to run time).
      build.onResolve({ filter: /^node:child_process$/ }, (args) =>
        args.namespace === 'file'
          ? { path: 'child_process', namespace: 'child-process-on-first-spawn' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'child-process-on-first-spawn' }, () => ({
        loader: 'js',
        contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      }));
    },
  };
}

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    imports: Record<string, string>;
  };
  const target = pkg.imports[IMPORT_NAME];
  if (target === undefined) throw new Error(`package.json "imports" has no ${IMPORT_NAME}`);
  const entry = createRequire(import.meta.url).resolve('commander');
  const home = dirname(entry);
  const { version } = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8')) as { version: string };
  const licence = readFileSync(join(home, 'LICENSE'), 'utf8').trim();
  const outfile = join(ROOT, target);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [childProcessOnFirstSpawn()],
    banner: {
      js: [
        '/*!',
        ` * commander ${version} (https://github.com/tj/commander.js), bundled into one file by the build`,
        ' * of tc-webhook; node:child_process loads on the first spawn of an executable subcommand.',
        ' *',
        ...licence.split('\n').map((line) => ` * ${line}`.trimEnd()),
        ' */',
      ].join('\n'),
    },
  });
  console.log(`bundled commander ${version}: ${relative(process.cwd(), outfile)}`);
}

main().catch((error: unknown) => {
  console.error(`bundle-commander: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
