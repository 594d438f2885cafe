import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A text in Chinese with its English version where one exists (the server's localText). */
export interface LocalText {
  zh: string;
  en?: string | undefined;
}

export type Language = 'zh-CN' | 'en-US';

export function pickText(text: LocalText | null | undefined, language: string): string {
  if (!text) {
    return '';
  }
  return language.startsWith('en') && text.en ? text.en : text.zh;
}

/** Picks the version of a text, or of a pair of zh/en names, in the current language. */
export function useLocalText() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const pick = useCallback(
    (text: LocalText | null | undefined) => pickText(text, language),
    [language],
  );
  const pickName = useCallback(
    (row: { nameZh: string; nameEn: string } | null | undefined) =>
      row ? (language.startsWith('en') && row.nameEn ? row.nameEn : row.nameZh) : '',
    [language],
  );
  return { pick, pickName, language, isEnglish: language.startsWith('en') };
}

/** 1250 fen → "12.50"; fees are kept in fen so that no float ever rounds a price. */
export function formatYuan(amountFen: number): string {
  const yuan = Math.floor(amountFen / 100);
  const fen = amountFen % 100;
  return `${yuan}.${String(fen).padStart(2, '0')}`;
}

const zone = 'Asia/Shanghai';

/** A moment on the Beijing clock, printed year first (2026/03/02 09:30) in both languages. */
function beijingParts(value: string | Date, language: string) {
  const parts = new Intl.DateTimeFormat(language.startsWith('en') ? 'en-US' : 'zh-CN', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(new Date(value));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return {
    day: `${part('year')}/${part('month')}/${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    weekday: part('weekday'),
  };
}

/** Times are shown in Beijing time, where the measures apply, whatever the browser's zone. */
export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) {
    return '';
  }
  const { day, time } = beijingParts(value, language);
  return `${day} ${time}`;
}

/** A calendar day ('2026-03-02' or a moment) with its weekday. */
export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) {
    return '';
  }
  // A bare day means that day in Beijing; noon keeps it clear of any zone shift.
  const moment =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `${value}T12:00:00+08:00`
      : value;
  const { day, weekday } = beijingParts(moment, language);
  return `${day} ${weekday}`;
}
