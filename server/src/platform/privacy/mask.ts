/** 440106199001011234 → 440106********1234: region and last four stay, birth date hidden. */
export function maskIdCard(value: string | null | undefined): string | null {
  if (!value) {
    return value ?? null;
  }
  if (value.length <= 8) {
    return '*'.repeat(value.length);
  }
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** 13812345678 → 138****5678. */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) {
    return value ?? null;
  }
  if (value.length <= 4) {
    return '*'.repeat(value.length);
  }
  if (value.length < 8) {
    return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
  }
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** Paths pino blanks out in every log line (R-PLT-8). */
export const redactedLogPaths = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.idCard',
  '*.phone',
  '*.applicantPhone',
];

const phonePattern = /(?<!\d)1\d{10}(?!\d)/g;
const idCardPattern = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** Masks every phone and identity-card number inside a text, such as a logged URL. */
export function maskNumbersIn(text: string): string {
  return text
    .replace(idCardPattern, (match) => maskIdCard(match) ?? '')
    .replace(phonePattern, (match) => maskPhone(match) ?? '');
}

/** A request URL fit for the log: numbers masked, the applicant's name in tracking left out. */
export function maskUrlForLog(url: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(url);
    } catch {
      return url;
    }
  })();
  return maskNumbersIn(decoded).replace(/([?&]name=)[^&]*/g, '$1[masked]');
}
