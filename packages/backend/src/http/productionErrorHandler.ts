import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { CustomErrorBase, toError } from '@backstage/errors';
import { statusOf } from './statusOf';

/**
 * Whether a 5xx error's message may reach users: our code and Backstage's
 * write @backstage/errors errors for users (e.g. "Alertmanager 'default' is
 * unreachable"); any other error (Node, pg, fetch) and any error with a
 * cause, whose text the message then repeats, may name hosts or statements.
 */
function writtenForUsers(error: unknown): boolean {
  return error instanceof CustomErrorBase && error.cause === undefined;
}

/**
 * Backstage's error handler, except that a 5xx whose message was not written
 * for users answers a generic message with a log id, in the same body shape
 * and status; the full error goes to the log under that id. 4xx messages
 * (InputError, NotFoundError, ...) are written to be shown and pass as they are.
 */
export function productionErrorHandler(options: {
  middleware: MiddlewareFactory;
  logger: LoggerService;
}): ReturnType<MiddlewareFactory['error']> {
  const standard = options.middleware.error();
  const logger = options.logger.child({ type: 'errorHandler' });
  return (error, req, res, next) => {
    const status = statusOf(error);
    if (status < 500 || writtenForUsers(error)) {
      standard(error, req, res, next);
      return;
    }
    const logId = randomUUID();
    logger.error(
      `${req.method} ${req.originalUrl} failed with status ${status}, logId ${logId}`,
      toError(error),
    );
    if (res.headersSent) {
      next(error);
      return;
    }
    res.status(status).json({
      error: {
        name: toError(error).name,
        message: `Internal error; see the backend log for logId ${logId}`,
      },
      request: { method: req.method, url: req.url },
      response: { statusCode: status },
    });
  };
}
