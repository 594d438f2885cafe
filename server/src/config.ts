import { z } from 'zod';

const timeOfDay = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  LOCKOUT_THRESHOLD: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).default(8),
  PASSWORD_MIN_KINDS: z.coerce.number().int().min(1).max(4).default(3),
  OFFICE_MORNING: z.string().default('08:00-12:00'),
  OFFICE_AFTERNOON: z.string().default('14:30-17:30'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('OneStop <onestop@localhost>'),
  PUBLIC_URL: z.string().default('http://localhost:3000'),
  SWEEP_SECONDS: z.coerce.number().int().positive().default(60),
  WARNING_SHARE: z.coerce.number().min(0).max(1).default(0.25),
});

export interface OfficePeriod {
  start: string;
  end: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  passwordMinLength: number;
  passwordMinKinds: number;
  officeHours: OfficePeriod[];
  uploadMaxBytes: number;
  cookieSecure: boolean;
  seedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  sweepSeconds: number;
  warningShare: number;
}

function parsePeriod(text: string): OfficePeriod {
  const [start, end] = text.split('-');
  const parsed = z.object({ start: timeOfDay, end: timeOfDay }).parse({ start, end });
  if (parsed.start >= parsed.end) {
    throw new Error(`office period ${text} ends before it starts`);
  }
  return parsed;
}

/** Reads the environment into a typed config; every setting has a safe default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = configSchema.parse(env);
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir: raw.DATA_DIR,
    databaseUrl: raw.DATABASE_URL,
    logLevel: raw.LOG_LEVEL,
    sessionIdleMinutes: raw.SESSION_IDLE_MINUTES,
    lockoutThreshold: raw.LOCKOUT_THRESHOLD,
    lockoutMinutes: raw.LOCKOUT_MINUTES,
    passwordMinLength: raw.PASSWORD_MIN_LENGTH,
    passwordMinKinds: raw.PASSWORD_MIN_KINDS,
    officeHours: [parsePeriod(raw.OFFICE_MORNING), parsePeriod(raw.OFFICE_AFTERNOON)],
    uploadMaxBytes: raw.UPLOAD_MAX_BYTES,
    cookieSecure: raw.COOKIE_SECURE,
    seedDemo: raw.SEED_DEMO,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    publicUrl: raw.PUBLIC_URL,
    sweepSeconds: raw.SWEEP_SECONDS,
    warningShare: raw.WARNING_SHARE,
  };
}
