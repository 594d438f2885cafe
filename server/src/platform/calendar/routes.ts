import type { App } from '../http/types.js';

export function calendarRoutes(_app: App): void {}
