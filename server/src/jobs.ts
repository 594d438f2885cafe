import type { FastifyBaseLogger } from 'fastify';
import { sweepDeadlines } from './modules/cases/sweep.js';
import type { Deps } from './platform/http/types.js';
import { createMailer, deliverPendingMail } from './platform/notifications/service.js';

/**
 * Work the server does on its own, every SWEEP_SECONDS: the deadline sweep and sending mail.
 * Both are safe with several server processes (see their functions). Returns a stop function.
 */
export function startBackgroundWork(deps: Deps, log: FastifyBaseLogger): () => Promise<void> {
  const mailer = createMailer(deps.config.smtpUrl);
  let running: Promise<void> | null = null;

  const tick = async () => {
    try {
      const warnings = await sweepDeadlines(deps);
      if (warnings.yellow + warnings.red > 0) {
        log.info(warnings, 'deadline warnings sent');
      }
      if (mailer) {
        await deliverPendingMail(deps, mailer);
      }
    } catch (error) {
      log.error({ err: error }, 'background work failed; it runs again at the next tick');
    }
  };

  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, deps.config.sweepSeconds * 1000);

  return async () => {
    clearInterval(timer);
    await running;
  };
}
