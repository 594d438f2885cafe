import type { FormInstance } from 'antd';
import { isApiError, type FieldIssue } from '../api/client';

type NamePath = (string | number)[];

/** 'body.materials.0.name' → ['materials', 0, 'name'], dropping the given leading segments. */
export function toNamePath(path: string, strip: readonly string[] = ['body']): NamePath {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let start = 0;
  while (start < segments.length && strip.includes(segments[start] ?? '')) {
    start += 1;
  }
  return segments
    .slice(start)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Marks every field the server named in a 422 reply; returns the issues no field on the form
 * shows, so the page can list them instead of losing them.
 */
export function markIssues<Values>(
  form: FormInstance<Values>,
  error: unknown,
  strip: readonly string[] = ['body'],
): FieldIssue[] {
  if (!isApiError(error) || error.issues.length === 0) {
    return [];
  }
  const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  // A path may name a whole bilingual text ('content.name'): its inputs are .zh and .en, and a
  // missing English version is what the server most often reports.
  const findField = (name: NamePath) =>
    [name, [...name, 'en'], [...name, 'zh']].find((candidate) =>
      registered.has(JSON.stringify(candidate)),
    );

  const unshown: FieldIssue[] = [];
  const errorsByField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of error.issues) {
    const name = findField(toNamePath(issue.path, strip));
    if (!name) {
      unshown.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const field = errorsByField.get(key) ?? { name, errors: [] };
    field.errors.push(issue.message);
    errorsByField.set(key, field);
  }
  const fields = [...errorsByField.values()];
  form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
  return unshown;
}
