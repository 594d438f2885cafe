import type { App } from '../../platform/http/types.js';

export function catalogRoutes(_app: App): void {}
