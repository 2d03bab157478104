#!/usr/bin/env node
// Runs npm scripts at the same time (they must not depend on each other) and fails when any of them
// fails. The last one's output is shown as it comes; each other one's is shown whole when it ends,
// so two outputs never interleave line by line. `npm test` lints beside the build: on two cores
// the build then costs no time of its own.
// Usage: scripts/run-side-by-side.mjs <script> [<script> ...]
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const npm = process.env.npm_execpath;
const run = (script, live) =>
  new Promise((resolve) => {
    const npmArgs = ['run', script];
    const [command, commandArgs] = npm ? [process.execPath, [npm, ...npmArgs]] : ['npm', npmArgs];
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const report = (code) => {
      if (!live) process.stdout.write(Buffer.concat(output));
      if (code !== 0) process.stderr.write(`npm run ${script} failed (exit ${code})\n`);
      resolve(code);
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      report(1);
    });
    child.on('close', (code) => report(code ?? 1));
  });

const codes = await Promise.all(scripts.map((script, i) => run(script, i === scripts.length - 1)));
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
