package io.dossiersync.core.body;

import io.dossiersync.core.index.ArtifactErrorReason;

/**
 * The reason codes of {@link UploadOutcome}s produced by a sync (PRODUCT.md §2, §3). A reason is a
 * code, optionally followed by {@code ": "} and a detail; tools match on the code. The wording
 * follows the Python implementation so that existing diagnostics keep working.
 *
 * @since 0.1.0
 */
public final class OutcomeReasons {

  /** The inline limit of a body: 524,288 bytes (512 KiB). */
  public static final long INLINE_LIMIT_BYTES = 524_288;

  /** Code: the artifact is absent ({@code not_present: <error_reason>}). */
  public static final String NOT_PRESENT = "not_present";

  /** Code: the path is not on a supported surface. */
  public static final String UNSUPPORTED_SURFACE = "unsupported_surface";

  /** Code: the extension is not supported ({@code unsupported_format: <ext>}). */
  public static final String UNSUPPORTED_FORMAT = "unsupported_format";

  /** Code: the file is over the inline limit ({@code oversized: <n> bytes > 524288 limit}). */
  public static final String OVERSIZED = "oversized";

  /** Code: the file vanished between the index and the body read. */
  public static final String DELETED_AFTER_SCAN = "deleted_after_scan";

  /** Code: the file changed between the index and the body read; the next sync picks it up. */
  public static final String CONTENT_HASH_MISMATCH = "content_hash_mismatch";

  /** Code: the body read failed ({@code read_error: <what>}). */
  public static final String READ_ERROR = "read_error";

  /** Code: the bytes are not valid UTF-8 (strict decoding). */
  public static final String NOT_VALID_UTF8 = "not_valid_utf8";

  /** Code: the file is empty. */
  public static final String EMPTY_CONTENT = "empty_content";

  /** Code: the same body is already pending in the queue (outcome {@code queued}). */
  public static final String ALREADY_IN_QUEUE = "already_in_queue";

  /** Code: the queue is at {@code maxQueueSize} (outcome {@code failed}, retryable). */
  public static final String QUEUE_FULL = "queue_full";

  /** Code: the queue store failed ({@code queue_error: <message>}, outcome {@code failed}). */
  public static final String QUEUE_ERROR = "queue_error";

  private OutcomeReasons() {}

  /**
   * {@code not_present: <error_reason>}.
   *
   * @param reason why the artifact is absent
   * @return the reason text
   */
  public static String notPresent(ArtifactErrorReason reason) {
    return NOT_PRESENT + ": " + reason.wireName();
  }

  /**
   * {@code unsupported_format: <detail>}.
   *
   * @param detail the extension as written, or {@code (no extension)}
   * @return the reason text
   */
  public static String unsupportedFormat(String detail) {
    return UNSUPPORTED_FORMAT + ": " + detail;
  }

  /**
   * {@code oversized: <n> bytes > 524288 limit}.
   *
   * @param sizeBytes the raw byte size
   * @return the reason text
   */
  public static String oversized(long sizeBytes) {
    return OVERSIZED + ": " + sizeBytes + " bytes > " + INLINE_LIMIT_BYTES + " limit";
  }

  /**
   * {@code read_error: <what>}.
   *
   * @param what what failed, e.g. {@code AccessDeniedException}
   * @return the reason text
   */
  public static String readError(String what) {
    return READ_ERROR + ": " + what;
  }

  /**
   * {@code queue_error: <message>}.
   *
   * @param message the store's message
   * @return the reason text
   */
  public static String queueError(String message) {
    return QUEUE_ERROR + ": " + message;
  }
}
