import { DateTime } from 'luxon';
import { z } from 'zod';
import type { FieldIssue } from '../../platform/errors/app-error.js';
import type { FormField, ItemContent, Material } from '../catalog/content.js';

function fieldSchema(field: FormField): z.ZodType {
  switch (field.type) {
    case 'text':
      return z.string().trim().min(1).max(500);
    case 'textarea':
      return z.string().trim().min(1).max(5000);
    case 'number':
      // Counts and amounts on a form: never negative, never absurd.
      return z.coerce.number().finite().min(0).max(1_000_000);
    case 'date':
      return z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
        .refine((text) => DateTime.fromISO(text).isValid, 'not a date in the calendar');
    case 'select': {
      const values = (field.options ?? []).map((option) => option.value);
      return z.string().refine((value) => values.includes(value), {
        message: `one of: ${values.join(', ')}`,
      });
    }
  }
}

/** Checks the applicant's answers against the item's form; unknown keys are dropped. */
export function checkForm(
  fields: FormField[],
  answers: Record<string, unknown>,
): { data: Record<string, unknown>; issues: FieldIssue[] } {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = fieldSchema(field);
    shape[field.key] = field.isRequired ? schema : schema.optional();
  }
  // Empty strings from a form mean "not answered".
  const cleaned = Object.fromEntries(
    Object.entries(answers).filter(([, value]) => value !== '' && value !== null),
  );
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) {
    return { data: result.data, issues: [] };
  }
  return {
    data: {},
    issues: result.error.issues.map((issue) => ({
      path: ['form', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  };
}

/**
 * The materials an online filing must upload: each required one without alternatives, and
 * one of each group of alternatives any member of which is required. Conditional materials
 * apply to some applicants only, so the window checks them instead.
 */
export function checkMaterials(content: ItemContent, uploadedKeys: string[]): FieldIssue[] {
  const known = new Map(content.materials.map((material) => [material.key, material]));
  const issues: FieldIssue[] = [];
  for (const key of uploadedKeys) {
    if (!known.has(key)) {
      issues.push({ path: `materials.${key}`, message: 'not a material of this item' });
    }
  }

  const uploaded = new Set(uploadedKeys);
  const groups = new Map<string, Material[]>();
  for (const material of content.materials) {
    if (!material.isUploadRequired || material.condition) {
      continue;
    }
    if (material.alternativeGroup) {
      const group = groups.get(material.alternativeGroup) ?? [];
      group.push(material);
      groups.set(material.alternativeGroup, group);
    } else if (!uploaded.has(material.key)) {
      issues.push({ path: `materials.${material.key}`, message: 'this material must be uploaded' });
    }
  }
  for (const [group, members] of groups) {
    if (!members.some((member) => uploaded.has(member.key))) {
      issues.push({
        path: `materials.${members[0]?.key ?? group}`,
        message: `upload one of: ${members.map((member) => member.key).join(', ')}`,
      });
    }
  }
  return issues;
}
