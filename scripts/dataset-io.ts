import { readFile, stat } from 'node:fs/promises';
import type { DatasetCliIo } from '../lib/dataset/cli';

/** Node implementation of the dataset command's I/O. */
export function createNodeDatasetIo(
  out: (text: string) => void = (t) => void process.stdout.write(t),
  err: (text: string) => void = (t) => void process.stderr.write(t),
): DatasetCliIo {
  return {
    out,
    err,
    async fileSize(path) {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      return info.size;
    },
    readText: (path) => readFile(path, 'utf8'),
  };
}
