import type { ErrorBody } from '@console/shared-types';

/** Error details as the BFF sends them in `{"error": {...}}`. */
export type ApiErrorDetails = ErrorBody['error'];

/** A BFF response with an error status and a well-formed error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: ApiErrorDetails;

  constructor(status: number, details: ApiErrorDetails) {
    super(details.message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }
}

/** The request got no usable response, because the connection failed or the body is not the BFF's JSON. */
export class TransportError extends Error {
  /** HTTP status when a response arrived, otherwise null. */
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'TransportError';
    this.status = status;
  }
}

/** The user stopped waiting for the response. */
export class StoppedError extends Error {
  constructor() {
    super('stopped by the user');
    this.name = 'StoppedError';
  }
}
