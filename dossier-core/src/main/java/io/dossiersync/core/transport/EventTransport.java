package io.dossiersync.core.transport;

import io.dossiersync.core.queue.EventRecord;
import java.util.List;

/**
 * Sends a batch of dossier events: {@code POST {base}/api/v1/events/batch/}, gzip-compressed {@code
 * {"events":[...]}} (PRODUCT.md §4.2). Each event's {@link EventRecord#json()} is sent as it is.
 *
 * <p>Implementations are thread-safe, report network failures as {@link TransportOutcome#RETRY}
 * rather than throwing, and never log a token or a payload.
 *
 * @since 0.1.0
 */
public interface EventTransport extends AutoCloseable {

  /**
   * Sends one batch and classifies the answer.
   *
   * @param events the events, at most the configured batch size
   * @return the classified answer
   */
  EventBatchResult send(List<EventRecord> events);

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
