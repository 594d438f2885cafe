import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { users, type ApplicantKind, type Role } from '../src/platform/auth/schema.js';
import { createLocalFileStore } from '../src/platform/files/store.js';
import type { App, Deps } from '../src/platform/http/types.js';
import { openTestDatabase, type TestDatabase } from './database.js';

export const testPassword = 'Test@2026pass';

let passwordHash: Promise<string> | null = null;

export interface TestApp {
  app: App;
  deps: Deps;
  database: TestDatabase;
  /** Moves the app's clock; every rule reads time through it. */
  setNow(at: Date | string): void;
  createUser(input: NewTestUser): Promise<TestUser>;
  /** Signs in through the API and returns a client carrying the session and CSRF token. */
  signIn(user: { username: string }, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface NewTestUser {
  role: Role;
  username?: string;
  displayName?: string;
  unitId?: string | null;
  windowId?: string | null;
  applicantKind?: ApplicantKind;
  phone?: string;
  idCard?: string;
}

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
}

export interface MultipartFile {
  field: string;
  filename: string;
  content: Buffer;
  contentType?: string;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** A multipart/form-data POST with text fields and files. */
  upload(
    url: string,
    fields: Record<string, string>,
    files: MultipartFile[],
  ): Promise<LightMyRequestResponse>;
}

let userCounter = 0;

export function multipartBody(fields: Record<string, string>, files: MultipartFile[]) {
  const boundary = `----onestop${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; ` +
          `filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function makeClient(app: App, cookie?: string, csrfToken?: string): Client {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(cookie ? { cookie } : {}),
    ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    ...extra,
  });
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers(),
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  return {
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    delete: (url) => send('DELETE', url),
    upload: (url, fields, files) => {
      const { payload, contentType } = multipartBody(fields, files);
      return app.inject({
        method: 'POST',
        url,
        headers: headers({ 'content-type': contentType }),
        payload,
      });
    },
  };
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  let now = new Date('2026-03-02T02:00:00Z');
  const config = { ...loadConfig({}), ...overrides };
  const deps: Deps = {
    db: database.db,
    config,
    files: createLocalFileStore(mkdtempSync(path.join(tmpdir(), 'onestop-files-'))),
    now: () => now,
  };
  const app = await buildApp(deps);
  await app.ready();

  const testApp: TestApp = {
    app,
    deps,
    database,
    setNow(at) {
      now = typeof at === 'string' ? new Date(at) : at;
    },
    async createUser(input) {
      passwordHash ??= hashPassword(testPassword);
      userCounter += 1;
      const username = input.username ?? `${input.role}-${process.pid}-${userCounter}`;
      const [row] = await deps.db
        .insert(users)
        .values({
          username,
          displayName: input.displayName ?? `Test ${input.role} ${userCounter}`,
          role: input.role,
          unitId: input.unitId ?? null,
          windowId: input.windowId ?? null,
          applicantKind: input.applicantKind ?? (input.role === 'applicant' ? 'student' : null),
          phone: input.phone ?? null,
          idCard: input.idCard ?? null,
          passwordHash: await passwordHash,
        })
        .returning();
      if (!row) {
        throw new Error('no user row');
      }
      return { id: row.id, username: row.username, displayName: row.displayName };
    },
    async signIn(user, password = testPassword) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password },
      });
      if (response.statusCode !== 200) {
        throw new Error(`sign-in of ${user.username} failed: ${response.body}`);
      }
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return makeClient(app, cookie, response.json<{ csrfToken: string }>().csrfToken);
    },
    anonymous: makeClient(app),
    async close() {
      await app.close();
      await database.close();
    },
  };
  return testApp;
}
