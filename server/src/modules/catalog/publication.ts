import type { FieldIssue } from '../../platform/errors/app-error.js';
import { findMissingEnglish, type ItemContent, type LocalText } from './content.js';
import type { ItemSettings } from './schema.js';

export interface PublicationProblem {
  article: string;
  issues: FieldIssue[];
}

/** The rules of the measures an item must meet before the public sees it. */
export function findPublicationProblems(
  settings: ItemSettings,
  content: ItemContent,
): PublicationProblem[] {
  const problems: PublicationProblem[] = [];

  // R-CAT-2: online first, but whatever cannot be done fully online needs a window to go to.
  if (settings.channel !== 'online' && settings.windowIds.length === 0) {
    problems.push({
      article: 'Art. 6',
      issues: [
        {
          path: 'windowIds',
          message: 'an item not completable fully online must name a hall window (Art. 6)',
        },
      ],
    });
  }

  // R-CAT-4: a foreign-facing item is bilingual in every public field.
  if (settings.isForeignFacing) {
    const missing = findMissingEnglish(content);
    if (missing.length > 0) {
      problems.push({
        article: 'Art. 13',
        issues: missing.map((path) => ({
          path: `content.${path}`,
          message: 'a foreign-facing item needs the English version (Art. 13)',
        })),
      });
    }
  }

  if (settings.defaultMode === 'joint' && settings.participantUnitIds.length === 0) {
    problems.push({
      article: 'Art. 15(3)',
      issues: [
        {
          path: 'participantUnitIds',
          message: 'a joint item needs at least one participating unit (Art. 15(3))',
        },
      ],
    });
  }
  return problems;
}

/** Every Chinese and English text the catalogue search looks in, lower-cased (R-CAT-5). */
export function buildSearchText(
  code: string,
  content: ItemContent,
  unitNames: { nameZh: string; nameEn: string },
): string {
  const texts: (LocalText | undefined)[] = [
    content.name,
    content.summary,
    content.eligibility,
    ...content.basis,
    ...content.steps.map((step) => step.title),
    ...content.materials.map((material) => material.name),
  ];
  const words = [code, unitNames.nameZh, unitNames.nameEn];
  for (const text of texts) {
    if (text) {
      words.push(text.zh, text.en ?? '');
    }
  }
  return words
    .filter((word) => word !== '')
    .join('\n')
    .toLowerCase();
}

/** A search box's input as terms, each of which must match (R-CAT-5). */
export function splitSearchTerms(query: string | undefined): string[] {
  return (query ?? '')
    .toLowerCase()
    .split(/\s+/u)
    .filter((term) => term !== '');
}

/** A term as a LIKE pattern that matches it literally anywhere. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
