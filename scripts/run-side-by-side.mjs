#!/usr/bin/env node
// Runs npm scripts at the same time (they must not depend on each other), each one's output shown
// whole when it ends, and fails when any of them fails. `npm test` runs lint beside the build: on
// two cores that saves the shorter of the two.
// Usage: scripts/run-side-by-side.mjs <script> [<script> ...]
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const npm = process.env.npm_execpath;
const run = (script) =>
  new Promise((resolve) => {
    const [command, args] = npm ? [process.execPath, [npm, 'run', script]] : ['npm', ['run', script]];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: [Buffer.from(`${error.message}\n`)] }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
  });

let failed = 0;
for (const result of await Promise.all(scripts.map(run))) {
  process.stdout.write(Buffer.concat(result.output));
  if (result.code !== 0) {
    failed += 1;
    process.stderr.write(`npm run ${result.script} failed (exit ${result.code})\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
