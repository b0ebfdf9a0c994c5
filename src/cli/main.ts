#!/usr/bin/env node
// Entry point of the jixiao-check command.
import { installSignalCleanup, runCli } from './run.js';

installSignalCleanup();
const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`jixiao-check: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
