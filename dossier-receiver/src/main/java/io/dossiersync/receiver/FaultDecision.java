package io.dossiersync.receiver;

/** What the fault dice decided for one request. */
enum FaultDecision {
  /** Process the request normally. */
  NONE,
  /** Drop the connection without an answer. */
  RESET,
  /** Answer 503. */
  SERVICE_UNAVAILABLE,
  /** Answer 429 with retry_after. */
  RATE_LIMITED,
  /** Answer 404 with an empty body. */
  BARE_NOT_FOUND
}
