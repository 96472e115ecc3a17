import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  internalError,
  invalidRequest,
  payloadTooLarge,
  unsupportedMediaType,
} from '../errors.js';

/**
 * Sends every error as `{"error": {"code", "message"}}`. AppErrors keep their
 * status and body, and Fastify's body and validation errors become the
 * catalogue's request errors. Anything else is logged with its stack and sent
 * as a plain internal_error that reveals nothing.
 */
export function installErrorHandler(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request, bodyLimitBytes);

    if (appError.statusCode >= 500) {
      request.log.error({ err: error, code: appError.code }, 'request failed');
    } else {
      request.log.info({ code: appError.code, statusCode: appError.statusCode }, 'request rejected');
    }

    if (appError.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(appError.retryAfterSeconds))));
    }
    return reply.code(appError.statusCode).type('application/json; charset=utf-8').send(appError.toBody());
  });
}

function toAppError(error: FastifyError, request: FastifyRequest, bodyLimitBytes: number): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return invalidRequest(error.message);

  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge(bodyLimitBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(request.headers['content-type']);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidRequest('the body is empty but Content-Type is application/json; send a JSON body or no Content-Type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidRequest('the body is not valid JSON');
    default:
      break;
  }

  if (error instanceof SyntaxError && error.statusCode === 400) return invalidRequest('the body is not valid JSON');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return invalidRequest(error.message);
  }
  return internalError(error);
}
