import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    shotsDir: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const startLimitMs = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + startLimitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server stopped with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const reply = await fetch(`${baseUrl}/api/health`);
      if (reply.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /api/health within ${startLimitMs} ms:\n${output()}`);
}

/**
 * Starts the real server once for every journey: a fresh embedded database with the demo data,
 * serving the built web client, as `npm start` does.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error('the web client is not built: npm run build -w web (npm run test:e2e does)');
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-e2e-data-'));
  const shotsDir = process.env.E2E_SHOTS_DIR ?? path.join(os.tmpdir(), 'onestop-e2e-shots');
  await rm(shotsDir, { recursive: true, force: true });
  await mkdir(shotsDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    // The rules must hold in Shanghai time whatever the server's own zone is.
    TZ: 'America/Los_Angeles',
    // The due times the journeys expect end at the close of the default office hours.
    OFFICE_AFTERNOON: '14:30-17:30',
  };
  // The journeys run on the embedded database and send no mail, whatever the shell has set.
  delete env.DATABASE_URL;
  delete env.SMTP_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // An interrupted run still ends the server rather than leaving it holding the port.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`journeys: server at ${baseUrl}, screenshots in ${shotsDir}`);
  project.provide('baseUrl', baseUrl);
  project.provide('shotsDir', shotsDir);
  return stop;
}
