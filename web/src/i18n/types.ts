import type zhCN from './zh-CN';

/**
 * Every key of the Chinese dictionary, each a string: the English one must have them all, and
 * may add the plural forms (key_one) that Chinese does not need.
 */
export type Messages<T = typeof zhCN> = {
  [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
} & { [plural: `${string}_one`]: string };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
