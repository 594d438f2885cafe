import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where uploaded bytes live, addressed by their SHA-256; object storage can replace it. */
export interface FileStore {
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
}

export function createLocalFileStore(root: string): FileStore {
  const locate = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = locate(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside and rename, so a crash never leaves half a file under the final name.
      // A random name: the same bytes may be stored twice at the same moment.
      const temporary = `${target}.${randomBytes(8).toString('hex')}.part`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
      return sha256;
    },
    get: (sha256) => readFile(locate(sha256)),
  };
}
