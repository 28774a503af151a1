package io.dossiersync.core.transport;

/**
 * The receiver's verdict on one event of a batch (PRODUCT.md §4.2).
 *
 * @since 0.1.0
 */
public enum EventResultStatus {
  /** Accepted: delete the event. */
  SUCCESS,
  /** Already known: delete the event. */
  DUPLICATE,
  /** Refused: move the event to the failure records. */
  REJECTED
}
