import type { App } from '../../platform/http/types.js';

export function caseRoutes(_app: App): void {}
