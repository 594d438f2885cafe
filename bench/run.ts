/**
 * Load test of the real server on the bench database (see bench/README.md):
 *
 *   npm run bench:data   # once: 100,000 cases in postgres://…/onestop_bench
 *   npm run bench        # builds the web client, starts the server, runs the scenarios
 *
 * BENCH_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_SKIP_BUILD=1 and BENCH_CHROMIUM adjust it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import autocannon, { type Options, type Request } from 'autocannon';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import prettier from 'prettier';
import { chromium } from 'playwright-core';
import type { ItemContent } from '../server/src/modules/catalog/content.js';
import {
  answersFor,
  benchAccounts,
  benchDatabaseUrl,
  benchDataDir,
  benchDir,
  isIntakeOpen,
  maintenanceUrl,
  requiredUploads,
  rootDir,
  seededRandom,
} from './lib.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmUpSeconds = 3;
const aloneSeconds = 5;
const timeoutSeconds = 10;
const quietWaitSeconds = Number(process.env.BENCH_QUIET_WAIT ?? 180);
const chromiumPath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

const targets = {
  readP95Ms: 30,
  filingsPerSecond: 300,
  rssMb: 300,
  firstLoadGzipKb: 250,
};

/** What people type into the catalogue's search box, in both languages. */
const searchTerms = [
  '证明',
  '在读证明',
  '成绩单',
  '学生证',
  '校园卡',
  '报销',
  '宿舍',
  '图书',
  '档案',
  '出国',
  '毕业',
  '工资',
  '户口',
  '医疗',
  '补办',
  'certificate',
  'transcript',
  'card',
  'visa',
  'library',
  'reimbursement',
  'enrolment',
  'dormitory',
  'archive',
  'salary',
];

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') {
    throw new Error('no free port');
  }
  return address.port;
}

// ---------------------------------------------------------------------------------------------
// The server process and what it costs

interface RunningServer {
  process: ChildProcess;
  pid: number;
  baseUrl: string;
}

async function startServer(port: number): Promise<RunningServer> {
  mkdirSync(benchDataDir, { recursive: true });
  const log = createWriteStream(path.join(benchDataDir, 'server.log'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: benchDatabaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: benchDataDir,
  };
  delete env.SMTP_URL;
  // The compiled server, as `npm start` runs it, so the pid measured is the server's own.
  // BENCH_PROFILE=1 leaves a CPU profile of the server in bench/.data/profiles when it stops.
  const profiling =
    process.env.BENCH_PROFILE === '1'
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(benchDataDir, 'profiles')}`]
      : [];
  const built = spawnSync('npm', ['run', 'build', '-w', 'server'], { cwd: rootDir, stdio: 'pipe' });
  if (built.status !== 0) {
    throw new Error(`the server build failed:\n${built.stdout.toString()}`);
  }
  const child = spawn(process.execPath, [...profiling, 'server/dist/main.js'], {
    cwd: rootDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  if (!child.pid) {
    throw new Error('the server did not start');
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = readFileSync(path.join(benchDataDir, 'server.log'), 'utf8').slice(-2000);
      throw new Error(
        `the server exited with ${child.exitCode}. If a migration failed, the schema changed ` +
          `since the bench data was made: run npm run bench:data again.\n${tail}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) {
        return { process: child, pid: child.pid, baseUrl };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error('the server did not answer /api/health within 60 s');
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null) {
    return;
  }
  server.process.kill('SIGTERM');
  const exited = once(server.process, 'exit');
  const timedOut = sleep(10_000).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timedOut])) === 'timeout') {
    server.process.kill('SIGKILL');
  }
}

/**
 * Waits until the server has worked off what an ended load left queued: autocannon closes its
 * connections, but requests already inside wait for the database pool, as /api/health does.
 */
async function settle(server: RunningServer): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${server.baseUrl}/api/health`);
    quick = performance.now() - started < 20 ? quick + 1 : 0;
    await sleep(200);
  }
}

/**
 * The machine may be shared: before each load, waits (up to BENCH_QUIET_WAIT seconds) until
 * other work uses under a third of a core, so the numbers describe this server, not neighbours.
 */
async function waitForQuiet(server: RunningServer): Promise<void> {
  const deadline = Date.now() + quietWaitSeconds * 1000;
  for (;;) {
    const before = cpuSnapshot(server.pid);
    await sleep(2_000);
    const { other } = coresBetween(before, cpuSnapshot(server.pid));
    if (other < 0.33) {
      return;
    }
    if (Date.now() > deadline) {
      console.log(`  other work still uses ${other} cores; measuring anyway`);
      return;
    }
    console.log(`  other work uses ${other} cores; waiting …`);
    await sleep(8_000);
  }
}

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return Number(match?.[1] ?? 0);
}

/** User + system CPU time of a process, in clock ticks (1/100 s). */
function cpuTicks(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

interface CpuSnapshot {
  at: number;
  busy: number;
  server: number;
  postgres: number;
  bench: number;
}

/**
 * Where the machine's CPU goes, in ticks: the server, every PostgreSQL process, this process
 * (autocannon runs in it), and in total. The rest is other work on the machine.
 */
function cpuSnapshot(serverPid: number): CpuSnapshot {
  const [, ...counters] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] =
    counters.map(Number);
  let postgres = 0;
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && isBenchPostgres(entry)) {
      postgres += cpuTicks(entry);
    }
  }
  const self = process.cpuUsage();
  return {
    at: Date.now(),
    busy: user + nice + system + irq + softirq + steal,
    server: cpuTicks(serverPid),
    postgres,
    bench: (self.user + self.system) / 10_000,
  };
}

const benchDatabase = maintenanceUrl(benchDatabaseUrl).database;

/** The bench database's connections and PostgreSQL's shared processes, not other databases'. */
function isBenchPostgres(pid: string): boolean {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') {
      return false;
    }
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    // A client connection reads "postgres: 15/main: user database host(port) state".
    return !command.includes('(') || command.includes(` ${benchDatabase} `);
  } catch {
    return false;
  }
}

interface CpuCores {
  server: number;
  postgres: number;
  bench: number;
  other: number;
  idle: number;
}

/** Cores used by each between two snapshots; `other` is everyone else on the machine. */
function coresBetween(before: CpuSnapshot, after: CpuSnapshot): CpuCores {
  const seconds = (after.at - before.at) / 1000;
  const cores = (ticks: number) => round(ticks / 100 / seconds, 2);
  const server = after.server - before.server;
  const postgres = after.postgres - before.postgres;
  const bench = after.bench - before.bench;
  const busy = after.busy - before.busy;
  return {
    server: cores(server),
    postgres: cores(postgres),
    bench: cores(bench),
    other: cores(Math.max(0, busy - server - postgres - bench)),
    idle: round(Math.max(0, os.availableParallelism() - busy / 100 / seconds), 2),
  };
}

class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peakKb = 0;

  constructor(private readonly pid: number) {}

  start(): void {
    this.peakKb = 0;
    this.timer = setInterval(() => {
      this.peakKb = Math.max(this.peakKb, readStatusKb(this.pid, 'VmRSS'));
    }, 100);
  }

  stop(): number {
    clearInterval(this.timer);
    this.peakKb = Math.max(this.peakKb, readStatusKb(this.pid, 'VmRSS'));
    return this.peakKb;
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts and requests

interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

async function signIn(baseUrl: string, username: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: benchAccounts.password }),
  });
  if (!response.ok) {
    throw new Error(`signing in ${username}: ${response.status} ${await response.text()}`);
  }
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

function smallPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'OneStop bench material' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text('Scanned material', { align: 'center' });
    doc.moveDown().fontSize(10).text('A stand-in for an identity card or certificate scan.');
    doc.end();
  });
}

const boundary = '----onestop-bench-9f8e7d6c';

/** The parts of a multipart body, with `null` where each upload's bytes go. */
function multipartParts(fields: Record<string, string>, uploadFields: string[]): (Buffer | null)[] {
  const parts: (Buffer | null)[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const field of uploadFields) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; ` +
          `filename="${field.slice('material:'.length)}.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      null,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return parts;
}

let scanNumber = 0;

/**
 * A body ready to send. Every upload is a different file, as every applicant's scan is: a
 * trailing comment after %%EOF changes the bytes, not what readers see.
 */
function multipartBody(parts: (Buffer | null)[], pdf: Buffer): Buffer {
  return Buffer.concat(
    parts.map((part) => {
      if (part) {
        return part;
      }
      scanNumber += 1;
      return Buffer.concat([pdf, Buffer.from(`%scan ${process.pid}-${scanNumber}\n`)]);
    }),
  );
}

interface Filing {
  itemCode: string;
  body: () => Buffer;
}

/**
 * One ready multipart body per item an applicant can file online today: its form answered and
 * every required material attached. Each is tried once, so a body the server refuses is left out.
 */
async function prepareFilings(baseUrl: string, applicant: Session): Promise<Filing[]> {
  const pdf = await smallPdf();
  const pick = (
    (random) => (n: number) =>
      Math.floor(random() * n)
  )(seededRandom(7));
  const list = (await (await fetch(`${baseUrl}/api/items?pageSize=100`)).json()) as {
    items: { id: string; code: string; channel: string }[];
  };
  const filings: Filing[] = [];
  for (const item of list.items.filter((entry) => entry.channel !== 'hall')) {
    const sheet = (await (await fetch(`${baseUrl}/api/items/${item.id}`)).json()) as {
      content: ItemContent;
    };
    if (!isIntakeOpen(sheet.content, new Date())) {
      continue;
    }
    const parts = multipartParts(
      {
        itemId: item.id,
        form: JSON.stringify(answersFor(sheet.content.form, new Date(), pick)),
        applicantPhone: '13800138000',
      },
      requiredUploads(sheet.content).map((key) => `material:${key}`),
    );
    const body = () => multipartBody(parts, pdf);
    const tried = await fetch(`${baseUrl}/api/cases`, {
      method: 'POST',
      headers: filingHeaders(applicant),
      body: new Uint8Array(body()),
    });
    if (tried.status === 201) {
      filings.push({ itemCode: item.code, body });
    } else {
      console.warn(`  leaving out ${item.code}: ${tried.status} ${await tried.text()}`);
    }
  }
  return filings;
}

function filingHeaders(session: Session): Record<string, string> {
  return {
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
    'content-type': `multipart/form-data; boundary=${boundary}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Latency {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface ScenarioResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: Latency | null;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakRssMb: number;
  cpuCores: CpuCores;
  loadAverage: number[];
  /** The same requests one at a time: the latency without queueing. */
  alone: { requestsPerSecond: number; latencyMs: Latency | null };
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const index = Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Percentiles of the response times; null when no response came back at all. */
function summarise(latencies: number[]): Latency | null {
  if (latencies.length === 0) {
    return null;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Runs autocannon, recording every response's time and status (autocannon has no p95). */
async function load(
  server: RunningServer,
  request: Omit<Options, 'url' | 'connections' | 'duration'>,
  connectionCount: number,
  duration: number,
) {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const instance = autocannon({
    ...request,
    url: server.baseUrl,
    connections: connectionCount,
    duration,
    timeout: timeoutSeconds,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  // A request that timed out took at least the timeout; leaving it out would flatter the tail.
  instance.on('reqError', (error) => {
    if (error.message === 'request timed out') {
      latencies.push(timeoutSeconds * 1000);
    }
  });
  const result = await instance;
  return { result, latencies, statusCodes };
}

async function runScenario(
  server: RunningServer,
  name: string,
  request: Omit<Options, 'url' | 'connections' | 'duration'>,
): Promise<ScenarioResult> {
  console.log(
    `\n▶ ${name}: ${warmUpSeconds} s warm-up, ${aloneSeconds} s one at a time, ` +
      `${seconds} s × ${connections} connections`,
  );
  await waitForQuiet(server);
  await load(server, request, 10, warmUpSeconds);
  await settle(server);
  const alone = await load(server, request, 1, aloneSeconds);

  const sampler = new RssSampler(server.pid);
  const cpuBefore = cpuSnapshot(server.pid);
  sampler.start();
  const { result, latencies, statusCodes } = await load(server, request, connections, seconds);
  const peakKb = sampler.stop();
  const cpuAfter = cpuSnapshot(server.pid);
  await settle(server);

  return {
    name,
    connections,
    seconds: round(result.duration, 1),
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / result.duration, 0),
    latencyMs: summarise(latencies),
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMb: round(peakKb / 1024, 0),
    cpuCores: coresBetween(cpuBefore, cpuAfter),
    loadAverage: os.loadavg().map((value) => round(value, 2)),
    alone: {
      requestsPerSecond: round(alone.latencies.length / alone.result.duration, 0),
      latencyMs: summarise(alone.latencies),
    },
  };
}

function rotating<T>(values: T[]): () => T {
  let next = 0;
  return () => {
    const value = values[next % values.length];
    next += 1;
    if (value === undefined) {
      throw new Error('nothing to rotate through');
    }
    return value;
  };
}

// ---------------------------------------------------------------------------------------------
// The web client

interface BundleResult {
  initialScripts: { file: string; bytes: number; gzipBytes: number }[];
  initialGzipKb: number;
  initialCss: { file: string; gzipBytes: number }[];
  lazyChunks: number;
  lazyGzipKb: number;
  largestLazy: { file: string; gzipBytes: number }[];
}

function buildWeb(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    return;
  }
  console.log('building the web client (npm run build -w web) …');
  const built = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: rootDir, stdio: 'pipe' });
  if (built.status !== 0) {
    throw new Error(
      `the web build failed:\n${built.stdout.toString()}\n${built.stderr.toString()}`,
    );
  }
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes).length;
const kb = (bytes: number) => round(bytes / 1024);

/** What index.html loads before anything else: the entry and every module it preloads. */
function measureBundle(): BundleResult {
  const dist = path.join(rootDir, 'web', 'dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const referenced = (pattern: RegExp) =>
    [...new Set([...html.matchAll(pattern)].map((match) => match[1] ?? ''))].filter(Boolean);
  const read = (file: string) => readFileSync(path.join(dist, file.replace(/^\//, '')));

  const scripts = referenced(
    /<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g,
  ).map((file) => {
    const bytes = read(file);
    return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
  });
  const css = referenced(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g).map((file) => ({
    file,
    gzipBytes: gzipSize(read(file)),
  }));

  const initial = new Set(scripts.map((script) => script.file.replace(/^\//, '')));
  const lazy = readdirSync(path.join(dist, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(`assets/${name}`))
    .map((name) => ({ file: `/assets/${name}`, gzipBytes: gzipSize(read(`assets/${name}`)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    initialScripts: scripts,
    initialGzipKb: kb(scripts.reduce((sum, script) => sum + script.gzipBytes, 0)),
    initialCss: css,
    lazyChunks: lazy.length,
    lazyGzipKb: kb(lazy.reduce((sum, chunk) => sum + chunk.gzipBytes, 0)),
    largestLazy: lazy.slice(0, 5),
  };
}

/**
 * The catalogue opened in a real browser: every script it fetched until the network was idle,
 * which also counts chunks the page imports on demand as it renders.
 */
async function measureFirstLoad(
  baseUrl: string,
): Promise<{ scripts: { url: string; gzipBytes: number }[]; gzipKb: number } | null> {
  if (!existsSync(chromiumPath)) {
    console.warn(`no browser at ${chromiumPath}; skipping the measured first load`);
    return null;
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const bodies: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        bodies.push(
          response.body().then((body) => ({
            url: new URL(response.url()).pathname,
            gzipBytes: gzipSize(body),
          })),
        );
      }
    });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    const scripts = await Promise.all(bodies);
    return {
      scripts,
      gzipKb: kb(scripts.reduce((sum, script) => sum + script.gzipBytes, 0)),
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function describeMachine(pool: pg.Pool) {
  const [postgres] = (await pool.query<{ server_version: string }>('show server_version')).rows;
  const [counts] = (
    await pool.query<{ cases: number; events: number; users: number; items: number }>(
      `select (select count(*)::int from cases) as cases,
              (select count(*)::int from case_events) as events,
              (select count(*)::int from users) as users,
              (select count(*)::int from items where status = 'published') as items`,
    )
  ).rows;
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgres?.server_version ?? 'unknown',
    data: counts,
  };
}

/** Removes what the filing scenario added, so the next run measures the same data set. */
async function removeBenchFilings(pool: pg.Pool, applicantId: string, since: Date) {
  const removed = await pool.query('delete from cases where filed_by = $1 and created_at >= $2', [
    applicantId,
    since,
  ]);
  await pool.query('delete from files where uploaded_by = $1 and created_at >= $2', [
    applicantId,
    since,
  ]);
  await pool.query(`delete from notifications where kind = 'case.filed' and created_at >= $1`, [
    since,
  ]);
  await pool.query('vacuum analyze cases, case_events, notifications, email_outbox, files');
  return removed.rowCount ?? 0;
}

function printTable(results: ScenarioResult[]): void {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'non-2xx',
    'errors',
    'RSS MB',
    'alone p50/p95',
    'cores srv/pg/bench/other',
  ];
  const ms = (value: number | undefined) => (value === undefined ? '–' : String(value));
  const rows = results.map((result) => [
    result.name,
    String(result.requestsPerSecond),
    ms(result.latencyMs?.p50),
    ms(result.latencyMs?.p95),
    ms(result.latencyMs?.p99),
    ms(result.latencyMs?.max),
    String(result.non2xx),
    String(result.errors),
    String(result.peakRssMb),
    `${ms(result.alone.latencyMs?.p50)}/${ms(result.alone.latencyMs?.p95)}`,
    [
      result.cpuCores.server,
      result.cpuCores.postgres,
      result.cpuCores.bench,
      result.cpuCores.other,
    ].join('/'),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  console.log(`\n${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}`);
  for (const row of rows) {
    console.log(line(row));
  }
}

async function main(): Promise<void> {
  buildWeb();
  const bundle = measureBundle();

  const loadAtStart = os.loadavg().map((value) => round(value, 2));
  console.log(`load average at start: ${loadAtStart.join(', ')}`);
  const pool = new pg.Pool({ connectionString: benchDatabaseUrl, max: 2 });
  const machine = await describeMachine(pool);
  const server = await startServer(await freePort());
  const runStartedAt = new Date();
  try {
    const idleRssMb = round(readStatusKb(server.pid, 'VmRSS') / 1024, 0);
    const firstLoad = await measureFirstLoad(server.baseUrl);
    const staff = await signIn(server.baseUrl, benchAccounts.staff);
    const applicant = await signIn(server.baseUrl, benchAccounts.applicant);
    const filings = await prepareFilings(server.baseUrl, applicant);
    if (filings.length === 0) {
      throw new Error('no item can be filed online today; nothing to measure filing with');
    }
    console.log(
      `filing with ${filings.length} items: ${filings.map((f) => f.itemCode).join(', ')}`,
    );

    const nextTerm = rotating(searchTerms);
    const nextFiling = rotating(filings);
    const search: Request = {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/api/items?q=${encodeURIComponent(nextTerm())}`,
      }),
    };
    const workList: Request = {
      method: 'GET',
      path: '/api/cases?page=1&pageSize=20',
      headers: { cookie: staff.cookie },
    };
    const filing: Request = {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: '/api/cases',
        headers: filingHeaders(applicant),
        body: nextFiling().body(),
      }),
    };

    // BENCH_ONLY=filing (or catalogue, work-list, comma-separated) runs a part, e.g. to profile it.
    const only = process.env.BENCH_ONLY?.split(',');
    const run = async (key: string, name: string, request: Request) =>
      !only || only.includes(key) ? runScenario(server, name, { requests: [request] }) : undefined;
    const searchResult = await run('catalogue', 'catalogue search', search);
    const workListResult = await run('work-list', 'work list', workList);
    const filingResult = await run('filing', 'case filing', filing);
    const results = [searchResult, workListResult, filingResult].filter(
      (result): result is ScenarioResult => result !== undefined,
    );
    const peakRssMb = round(readStatusKb(server.pid, 'VmHWM') / 1024, 0);
    const filed = filingResult?.statusCodes['201'] ?? 0;
    const filingsPerSecond = round(filed / (filingResult?.seconds ?? seconds), 0);

    printTable(results);
    console.log(`\nserver RSS: ${idleRssMb} MB idle, ${peakRssMb} MB peak (VmHWM)`);
    console.log(
      `filing: ${filed} cases in ${filingResult?.seconds} s = ${filingsPerSecond} cases/s`,
    );
    console.log(
      `web: ${bundle.initialGzipKb} KB gzip JS in index.html (${bundle.initialScripts.length} files), ` +
        `${firstLoad ? `${firstLoad.gzipKb} KB fetched by the catalogue in a browser, ` : ''}` +
        `${bundle.lazyChunks} chunks on demand (${bundle.lazyGzipKb} KB gzip)`,
    );

    // A read meets its target only with answers: no response at all is no evidence of speed.
    const readP95 = (result: ScenarioResult | undefined) =>
      result?.latencyMs && result.non2xx === 0 ? result.latencyMs.p95 : null;
    const firstLoadKb = Math.max(bundle.initialGzipKb, firstLoad?.gzipKb ?? 0);
    const checks = {
      catalogueP95Ms: {
        target: `< ${targets.readP95Ms}`,
        value: readP95(searchResult),
        isMet: (readP95(searchResult) ?? Infinity) < targets.readP95Ms,
      },
      workListP95Ms: {
        target: `< ${targets.readP95Ms}`,
        value: readP95(workListResult),
        isMet: (readP95(workListResult) ?? Infinity) < targets.readP95Ms,
      },
      filingsPerSecond: {
        target: `>= ${targets.filingsPerSecond}`,
        value: filingsPerSecond,
        isMet: filingsPerSecond >= targets.filingsPerSecond,
      },
      peakRssMb: {
        target: `< ${targets.rssMb}`,
        value: peakRssMb,
        isMet: peakRssMb < targets.rssMb,
      },
      firstLoadGzipKb: {
        target: `< ${targets.firstLoadGzipKb}`,
        value: firstLoadKb,
        isMet: firstLoadKb < targets.firstLoadGzipKb,
      },
    };
    console.log('\ntargets:');
    for (const [name, check] of Object.entries(checks)) {
      console.log(
        `  ${name.padEnd(18)} ${String(check.value ?? 'none').padStart(8)}  ` +
          `${check.target.padEnd(6)} ${check.isMet ? 'met' : 'MISSED'}`,
      );
    }

    const date = new Date().toISOString().slice(0, 10);
    const report = {
      date,
      at: new Date().toISOString(),
      machine,
      setup: {
        connections,
        seconds,
        warmUpSeconds,
        aloneSeconds,
        server: 'node server/dist/main.js (compiled), LOG_LEVEL=warn, one process',
        sharedCores: 'server, PostgreSQL and autocannon on the same machine',
        loadAtStart,
      },
      results,
      idleRssMb,
      peakRssMb,
      filingsPerSecond,
      bundle,
      firstLoad,
      checks,
    };
    // A partial or profiled run is no result of record; it stays beside the server's log.
    const isOfRecord = !only && process.env.BENCH_PROFILE !== '1';
    const folder = isOfRecord ? path.join(benchDir, 'results') : benchDataDir;
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${date}.json`);
    // Formatted as the repository's formatter would, so the committed file passes its check.
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(
      file,
      await prettier.format(JSON.stringify(report), { ...options, filepath: file }),
    );
    console.log(`\nwrote ${path.relative(rootDir, file)}`);
  } finally {
    await stopServer(server);
    const removed = await removeBenchFilings(pool, await applicantId(pool), runStartedAt);
    console.log(`removed the ${removed} cases filed by the bench`);
    await pool.end();
  }
}

async function applicantId(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('select id from users where username = $1', [
    benchAccounts.applicant,
  ]);
  return rows[0]?.id ?? '00000000-0000-0000-0000-000000000000';
}

await main();
