#!/usr/bin/env node
// Entry point of the jixiao-check command. Started as a batch's worker thread, it checks each file
// it is sent and posts the result back.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile, installSignalCleanup, runCli } from './run.js';
import type { BatchTask } from './batch.js';

if (!isMainThread && parentPort && (workerData as { batchWorker?: boolean } | undefined)?.batchWorker) {
  const port = parentPort;
  port.on('message', (task: BatchTask) => {
    checkFile(task.file, task.options, task.checkOptions, task.date, task.target).then(
      (r) => port.postMessage(r),
      (e: unknown) => port.postMessage({ file: task.file, error: `处理失败 / failed: ${(e as Error)?.message ?? String(e)}` }),
    );
  });
} else {
  installSignalCleanup();
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color,
    // The script node was started with: the bundle or the build, whichever is running.
    workerScript: process.argv[1],
    progress: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`jixiao-check: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
