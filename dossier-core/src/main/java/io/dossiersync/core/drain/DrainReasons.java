package io.dossiersync.core.drain;

/**
 * The reason codes the drain itself writes (PRODUCT.md §4.2, §4.3), beside the receiver's own
 * answers (e.g. {@code stored}, {@code http_503}) that the transports classify, and the sync's
 * {@link io.dossiersync.core.body.OutcomeReasons}. A reason is a code, optionally followed by
 * {@code ": "} and a detail; tools match on the code ({@link TaskResult#reasonCode()}).
 *
 * @since 0.1.0
 */
public final class DrainReasons {

  /** Code: the drain stopped before the task was sent; it was given back untouched. */
  public static final String DRAIN_STOPPED = "drain_stopped";

  /** Code: the token was rejected and no fresh one was accepted; the task was given back. */
  public static final String UNAUTHORIZED = "unauthorized";

  /** Code: the task failed once more at the retry ceiling ({@code retry_ceiling: <last>}). */
  public static final String RETRY_CEILING = "retry_ceiling";

  /** Code: the queue could not record the result ({@code store_error: <class>}). */
  public static final String STORE_ERROR = "store_error";

  /** Code: a delivered event batch had no result for this event; it is retried. */
  public static final String MISSING_RESULT = "missing_result";

  /** Code: the receiver refused the task ({@code rejected: <error>}). */
  public static final String REJECTED = "rejected";

  /** Reason: a single event answered 413 (PRODUCT.md §4.2). */
  public static final String PAYLOAD_TOO_LARGE = "rejected: payload_too_large";

  /** Reason prefix: a single event answered 400 ({@code rejected: validation_error[: detail]}). */
  public static final String VALIDATION_ERROR = "rejected: validation_error";

  /**
   * Code: the body's {@code …ArtifactIndexed} event (same namespace, path and hash) went to the
   * failure records, so the body will never find its index entry; requeueing the event's record
   * requeues the body.
   */
  public static final String INDEX_EVENT_FAILED =
      io.dossiersync.core.queue.FailureRecords.INDEX_EVENT_FAILED;

  private DrainReasons() {}

  /**
   * The failure reason of a single event answered 400.
   *
   * @param batchReason the batch result's reason, e.g. {@code validation_error: bad field}
   * @return {@code rejected: validation_error}, with the detail after {@code validation_error: }
   *     when there is one
   */
  static String validationError(String batchReason) {
    String prefix = "validation_error: ";
    return batchReason.startsWith(prefix) && batchReason.length() > prefix.length()
        ? VALIDATION_ERROR + ": " + batchReason.substring(prefix.length())
        : VALIDATION_ERROR;
  }

  /** The reason of a task given back: {@link #UNAUTHORIZED} after an auth pause, else stopped. */
  static String stopped(boolean authPaused) {
    return authPaused ? UNAUTHORIZED : DRAIN_STOPPED;
  }
}
