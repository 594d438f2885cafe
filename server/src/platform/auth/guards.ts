import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../http/types.js';
import type { Role } from './schema.js';

export const centerRoles: readonly Role[] = ['center', 'center-admin', 'auditor'];
export const unitRoles: readonly Role[] = ['staff', 'window-lead', 'unit-admin'];

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError('unauthenticated', 'sign in first');
  }
  return request.actor;
}

/** Deny by default: the actor must hold one of the roles named. */
export function requireRole(request: FastifyRequest, allowed: readonly Role[]): Actor {
  const actor = requireActor(request);
  if (!allowed.includes(actor.role)) {
    throw new AppError('forbidden', `this needs one of the roles: ${allowed.join(', ')}`);
  }
  return actor;
}

export const isCenter = (actor: Actor) => centerRoles.includes(actor.role);
export const isUnitMember = (actor: Actor) => unitRoles.includes(actor.role);
