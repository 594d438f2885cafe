import type { Deps } from '../../platform/http/types.js';

export const demoAccounts: { username: string; role: string; note: string }[] = [];

export function seedDemoIfEmpty(_deps: Deps): Promise<boolean> {
  return Promise.resolve(false);
}
