import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { findMissingEnglish, itemContent } from '../../modules/catalog/content.js';
import { checkPasswordPolicy } from '../../platform/auth/password.js';
import { accountSeeds, demoPassword } from './data/accounts.js';
import { caseSeeds } from './data/cases.js';
import { campusSeeds, unitSeeds, windowSeeds } from './data/org.js';
import { itemSeeds } from './demo.js';

/** GB 11643: the last character of an identity-card number checks the first seventeen. */
function idCardCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce(
    (total, digit, index) => total + Number(digit) * weights[index]!,
    0,
  );
  return '10X98765432'[sum % 11]!;
}

describe('demo data files', () => {
  it.each(itemSeeds.map((seed) => [seed.code, seed] as const))(
    'R-CAT-1 the sheet of %s parses as an item sheet',
    (_code, seed) => {
      const result = itemContent.safeParse(seed.content);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it('R-CAT-4 every foreign-facing item has the English of every text', () => {
    const foreign = itemSeeds.filter((seed) => seed.isForeignFacing);
    expect(foreign.length).toBeGreaterThanOrEqual(4);
    for (const seed of foreign) {
      expect(findMissingEnglish(itemContent.parse(seed.content)), seed.code).toEqual([]);
    }
  });

  it('R-CAT-2 every item not fully online has a window of its unit on each of its campuses', () => {
    for (const seed of itemSeeds.filter((item) => item.channel !== 'online')) {
      for (const campusId of seed.campusIds) {
        const hasWindow = windowSeeds.some(
          (window) => window.unitCode === seed.unitCode && window.campusId === campusId,
        );
        expect(hasWindow, `${seed.code} at ${campusId}`).toBe(true);
      }
    }
  });

  it('R-CASE-4 joint items name participants other than the lead unit', () => {
    for (const seed of itemSeeds.filter((item) => item.defaultMode === 'joint')) {
      expect(seed.participantUnitCodes?.length ?? 0, seed.code).toBeGreaterThan(0);
      expect(seed.participantUnitCodes, seed.code).not.toContain(seed.unitCode);
    }
  });

  it('R-CAT-1 the catalogue mixes every kind of limit, fee, channel and handling mode', () => {
    const contents = itemSeeds.map((seed) => itemContent.parse(seed.content));
    expect(new Set(contents.map((content) => content.limit.kind))).toEqual(
      new Set([
        'on-the-spot',
        'working-days',
        'working-hours',
        'calendar-days',
        'working-days-range',
        'none',
      ]),
    );
    expect(
      contents.some(
        (content) => content.limit.kind === 'working-days' && content.limit.isInPrinciple,
      ),
    ).toBe(true);
    expect(new Set(contents.map((content) => content.fee.kind))).toEqual(
      new Set(['free', 'flat', 'per-copy', 'tiered', 'composite']),
    );
    expect(new Set(itemSeeds.map((seed) => seed.channel))).toEqual(
      new Set(['online', 'hall', 'both']),
    );
    expect(new Set(itemSeeds.map((seed) => seed.defaultMode))).toEqual(
      new Set(['immediate', 'promised', 'joint', 'escalated']),
    );
    expect(new Set(itemSeeds.flatMap((seed) => seed.campusIds))).toEqual(
      new Set(campusSeeds.map((campus) => campus.id)),
    );
  });

  it('R-ORG-1 codes are unique and every reference names a known unit, item or account', () => {
    const unitCodes = new Set<string>(unitSeeds.map((unit) => unit.code));
    expect(unitCodes.size).toBe(unitSeeds.length);
    const itemCodes = new Set(itemSeeds.map((seed) => seed.code));
    expect(itemCodes.size).toBe(itemSeeds.length);
    const places = windowSeeds.map((window) => `${window.campusId}/${window.number}`);
    expect(new Set(places).size).toBe(places.length);

    const usernames = new Set(accountSeeds.map((account) => account.username));
    for (const seed of caseSeeds) {
      expect(itemCodes.has(seed.itemCode), seed.story).toBe(true);
      expect(usernames.has(seed.filedBy), seed.story).toBe(true);
      for (const step of seed.steps) {
        expect(usernames.has(step.by), seed.story).toBe(true);
      }
    }
  });

  it('R-PLT-8 demo identity-card and phone numbers look real, so masking shows on them', () => {
    for (const account of accountSeeds) {
      expect(account.idCard, account.username).toMatch(/^\d{17}[\dX]$/);
      expect(account.idCard.at(-1), account.username).toBe(
        idCardCheckCharacter(account.idCard.slice(0, 17)),
      );
      expect(account.phone, account.username).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('R-PLT-9 the demo password meets the default password policy', () => {
    expect(checkPasswordPolicy(demoPassword, loadConfig({}))).toEqual([]);
  });
});
