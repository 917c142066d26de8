import { runDatasetCli } from '../lib/dataset/cli';
import { createNodeDatasetIo } from './dataset-io';

// A closed pipe (e.g. `| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Collect output and write it once, so a failure never leaves half a JSON document behind.
let stdout = '';
let stderr = '';
const io = createNodeDatasetIo(
  (t) => void (stdout += t),
  (t) => void (stderr += t),
);
const code = await runDatasetCli(process.argv.slice(2), io);
if (stdout) process.stdout.write(stdout);
if (stderr) process.stderr.write(stderr);
process.exitCode = code;
