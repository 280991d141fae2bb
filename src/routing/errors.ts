// LiteLLM's exception classes as the router sees them, derived from an outcome's status when the
// caller did not name one.
import type { CallOutcome } from './types.js';

export function errorClassOf(outcome: CallOutcome): string {
  if (outcome.errorClass) return outcome.errorClass;
  if (outcome.timedOut) return 'Timeout';
  switch (outcome.status) {
    case 400:
      return 'BadRequestError';
    case 401:
      return 'AuthenticationError';
    case 403:
      return 'PermissionDeniedError';
    case 404:
      return 'NotFoundError';
    case 408:
      return 'Timeout';
    case 422:
      return 'UnprocessableEntityError';
    case 429:
      return 'RateLimitError';
    case 502:
      return 'BadGatewayError';
    case 503:
      return 'ServiceUnavailableError';
    default:
      return outcome.status >= 500 ? 'InternalServerError' : 'APIError';
  }
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The status a failure carries (a timeout with no status is a 408). */
export function statusOf(outcome: CallOutcome): number {
  if (outcome.timedOut === true && isSuccess(outcome.status)) return 408;
  return outcome.status;
}

/** litellm `_should_retry`: 408, 409, 429 and ≥500 are retryable statuses. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** `_is_cooldown_required`: among 4xx only 429/401/408/404 cool; ≥500 always; connection errors never. */
export function isCooldownRequired(status: number, errorClass: string): boolean {
  if (errorClass.includes('APIConnectionError')) return false;
  if (status >= 400 && status < 500) return status === 429 || status === 401 || status === 408 || status === 404;
  return true;
}
