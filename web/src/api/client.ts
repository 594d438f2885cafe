import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** One field's problem as the server reports it; path looks like 'body.materials.0.name'. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The JSON body of every failed API call. */
export interface ErrorBody {
  error: string;
  message: string;
  /** The article of the measures a refused action breaks, e.g. "Art. 13". */
  article?: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get issues(): FieldIssue[] {
    return this.body.issues ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let csrfToken: string | null = null;

/** The session's CSRF token, from the login, register and me replies. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfHeaders(method: string): Record<string, string> {
  return !safeMethods.has(method.toUpperCase()) && csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

async function readErrorBody(response: Response): Promise<ErrorBody> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<ErrorBody>;
    if (typeof parsed.message === 'string') {
      return { error: parsed.error ?? 'unknown', ...parsed, message: parsed.message };
    }
  } catch {
    // Not JSON: a proxy or the network answered, not the API.
  }
  return {
    error: 'http',
    message: text.slice(0, 200) || `${response.status} ${response.statusText}`,
  };
}

/** Throws ApiError for any failed reply, so callers see only successful data. */
export async function assertOk(response: Response): Promise<Response> {
  if (!response.ok) {
    throw new ApiError(response.status, await readErrorBody(response.clone()));
  }
  return response;
}

const session: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(csrfHeaders(request.method))) {
      request.headers.set(name, value);
    }
    return request;
  },
  async onResponse({ response }) {
    await assertOk(response);
    return response;
  },
};

/** The typed API client; paths and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ credentials: 'same-origin' });
api.use(session);

/** Awaits an openapi-fetch call whose failures the middleware has already thrown. */
export async function data<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data: body } = await call;
  return body as T;
}

/** A multipart POST (files), which the OpenAPI types do not describe. */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: csrfHeaders('POST'),
  });
  await assertOk(response);
  return (await response.json()) as T;
}
