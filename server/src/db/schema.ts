// Every table of the product, gathered for Drizzle's relational queries and drizzle-kit.
export * from '../platform/auth/schema.js';
export * from '../platform/audit/schema.js';
export * from '../platform/files/schema.js';
export * from '../platform/calendar/schema.js';
export * from '../platform/notifications/schema.js';
export * from '../modules/org/schema.js';
export * from '../modules/catalog/schema.js';
export * from '../modules/cases/schema.js';
export * from '../modules/consultations/schema.js';
