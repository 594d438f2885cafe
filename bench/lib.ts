import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { FormField, ItemContent } from '../server/src/modules/catalog/content.js';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const rootDir = path.resolve(benchDir, '..');
/** Uploaded files of the bench server; the database lives in PostgreSQL. */
export const benchDataDir = path.resolve(benchDir, '.data');

export const benchDatabaseUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onestop_bench';

/** The accounts the load signs in with; the demo data creates them. */
export const benchAccounts = {
  staff: process.env.BENCH_STAFF ?? 'jw-staff1',
  applicant: process.env.BENCH_APPLICANT ?? 'student',
  password: process.env.BENCH_PASSWORD ?? 'Demo@2026',
};

/** The same database server, its maintenance database: where one drops and creates others. */
export function maintenanceUrl(url: string): { adminUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(database)) {
    throw new Error(`refusing the database name "${database}": use [a-z0-9_] only`);
  }
  parsed.pathname = '/postgres';
  return { adminUrl: parsed.toString(), database };
}

/** Plausible answers to an item's form, valid for the server's checks. */
export function answersFor(fields: FormField[], at: Date, pick: (n: number) => number) {
  const answers: Record<string, string | number> = {};
  const today = DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' });
  for (const field of fields) {
    switch (field.type) {
      case 'text':
        answers[field.key] =
          ['出国交流', '奖学金申请', '实习单位要求', 'Visa application'][pick(4)] ?? '';
        break;
      case 'textarea':
        answers[field.key] = '因学习需要申请办理，请予以审核。 Needed for my studies.';
        break;
      case 'number':
        answers[field.key] = 1 + pick(3);
        break;
      case 'date':
        answers[field.key] = today.plus({ days: 7 + pick(30) }).toFormat('yyyy-MM-dd');
        break;
      case 'select': {
        const options = field.options ?? [];
        answers[field.key] = options[pick(options.length)]?.value ?? '';
        break;
      }
    }
  }
  return answers;
}

/** The material keys an online filing must upload: each required one, one per alternative group. */
export function requiredUploads(content: Pick<ItemContent, 'materials'>): string[] {
  const keys: string[] = [];
  const groups = new Set<string>();
  for (const material of content.materials) {
    if (!material.isUploadRequired || material.condition) {
      continue;
    }
    if (!material.alternativeGroup) {
      keys.push(material.key);
    } else if (!groups.has(material.alternativeGroup)) {
      groups.add(material.alternativeGroup);
      keys.push(material.key);
    }
  }
  return keys;
}

/** Whether an item takes filings at this moment (its months and weekdays, in Shanghai). */
export function isIntakeOpen(content: Pick<ItemContent, 'intake'>, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' });
  const { months, weekdays } = content.intake;
  return (
    (months.length === 0 || months.includes(local.month)) &&
    (weekdays.length === 0 || weekdays.includes(local.weekday))
  );
}

/** A small deterministic random source, so two generated data sets look alike. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
