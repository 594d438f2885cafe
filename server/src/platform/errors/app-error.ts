/** The codes an application error can carry, each mapped to one HTTP status below. */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid-state'
  | 'rule-violation'
  | 'validation'
  | 'locked'
  | 'payload-too-large'
  | 'unsupported-media';

const statusByCode: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-state': 409,
  'rule-violation': 422,
  validation: 422,
  locked: 423,
  'payload-too-large': 413,
  'unsupported-media': 415,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** The article of the measures a rule violation breaks, e.g. "Art. 13". */
  article?: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly article: string | undefined;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.article = options.article;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} not found`);

export const forbidden = (message = 'not allowed for your role') =>
  new AppError('forbidden', message);

/** A rule of the measures forbids the action; the article is part of the answer. */
export const ruleViolation = (
  article: string,
  message: string,
  options: Omit<AppErrorOptions, 'article'> = {},
) => new AppError('rule-violation', `${message} (${article})`, { ...options, article });

export const invalidInput = (issues: FieldIssue[]) =>
  new AppError('validation', 'the request has invalid fields', { issues });
