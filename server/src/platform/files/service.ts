import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import type { Deps } from '../http/types.js';
import { files } from './schema.js';

/** The kinds of material accepted, judged by content, never by the name or the header. */
export const acceptedMimes = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export interface Upload {
  filename: string;
  bytes: Buffer;
}

export interface StoredFile {
  id: string;
  mime: string;
  sizeBytes: number;
  originalName: string;
}

/** Checks an upload's size and real type before anything is written. */
export async function checkUpload(deps: Deps, upload: Upload): Promise<string> {
  if (upload.bytes.length === 0) {
    throw new AppError('validation', `${upload.filename} is empty`, {
      issues: [{ path: 'file', message: 'empty file' }],
    });
  }
  if (upload.bytes.length > deps.config.uploadMaxBytes) {
    throw new AppError('payload-too-large', `${upload.filename} is larger than allowed`);
  }
  const detected = await fileTypeFromBuffer(upload.bytes);
  if (!detected || !acceptedMimes.has(detected.mime)) {
    throw new AppError(
      'unsupported-media',
      `${upload.filename} is not a PDF, JPEG, PNG or Word document`,
    );
  }
  return detected.mime;
}

/** Stores checked bytes and records them; the row is written in the caller's transaction. */
export async function storeUpload(
  deps: Deps,
  db: DbOrTx,
  uploadedBy: string,
  upload: Upload,
  mime: string,
): Promise<StoredFile> {
  const sha256 = await deps.files.put(upload.bytes);
  const [row] = await db
    .insert(files)
    .values({
      sha256,
      mime,
      sizeBytes: upload.bytes.length,
      originalName: upload.filename.slice(0, 200),
      uploadedBy,
    })
    .returning();
  if (!row) {
    throw new Error('insert returned no row');
  }
  return { id: row.id, mime: row.mime, sizeBytes: row.sizeBytes, originalName: row.originalName };
}
