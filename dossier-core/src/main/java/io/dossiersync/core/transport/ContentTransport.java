package io.dossiersync.core.transport;

/**
 * Sends one body to the receiver: {@code POST {base}/api/dossier/push-content/} (PRODUCT.md §4.1).
 * {@code dossier-http} is the default adapter; hosts may bring their own.
 *
 * <p>Implementations are thread-safe: the drain engine calls {@link #push} from several threads at
 * once. They classify every answer into a {@link PushResult} and report network failures as {@link
 * TransportOutcome#RETRY} results rather than throwing; the drain engine still treats any exception
 * as a retryable outcome. They never log a token or a body.
 *
 * @since 0.1.0
 */
public interface ContentTransport extends AutoCloseable {

  /**
   * Sends one body and classifies the answer.
   *
   * @param request the nine fields to send
   * @return the classified answer
   */
  PushResult push(PushContentRequest request);

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
