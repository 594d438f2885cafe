import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../../config.js';
import type { FieldIssue } from '../errors/app-error.js';

// argon2id with OWASP's second recommended setting: 19 MiB, 2 passes, 1 lane.
const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The configurable policy: a minimum length and a minimum number of character kinds. */
export function checkPasswordPolicy(
  password: string,
  config: Pick<Config, 'passwordMinLength' | 'passwordMinKinds'>,
  path = 'password',
): FieldIssue[] {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((kind) =>
    kind.test(password),
  ).length;
  const issues: FieldIssue[] = [];
  if (password.length < config.passwordMinLength) {
    issues.push({ path, message: `at least ${config.passwordMinLength} characters` });
  }
  if (kinds < config.passwordMinKinds) {
    issues.push({
      path,
      message: `at least ${config.passwordMinKinds} kinds of lower case, upper case, digits, symbols`,
    });
  }
  return issues;
}
