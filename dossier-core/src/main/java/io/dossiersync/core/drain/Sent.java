package io.dossiersync.core.drain;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.PushResult;
import java.time.Duration;
import java.util.List;

/**
 * What a sender puts on the round's result queue when it is done with one unit of work: the only
 * thing senders share with the round thread, which alone writes to the queue store.
 */
sealed interface Sent {

  /**
   * An event batch was sent, maybe as several pieces (a 413 splits it, a 400 bisects it).
   *
   * @param batch the claimed batch, as handed to the sender
   * @param pieces the sub-batches sent, each with its answer, covering the batch
   */
  record Events(List<ClaimedEvent> batch, List<Piece> pieces) implements Sent {}

  /**
   * One part of an event batch and the answer it got.
   *
   * @param events the events the request carried
   * @param result the classified answer
   * @param took how long the request took (monotonic)
   */
  record Piece(List<ClaimedEvent> events, EventBatchResult result, Duration took) {}

  /**
   * A body was pushed.
   *
   * @param body the claimed body, without its text (the result needs none)
   * @param uploadId the upload id, the key of the body in flight
   * @param result the classified answer
   * @param took how long the request took (monotonic)
   */
  record Body(ClaimedBody body, String uploadId, PushResult result, Duration took)
      implements Sent {}

  /**
   * A sender failed with something no transport should throw (an {@link Error}, or a bug): the
   * round stops and rethrows it once it has given back what it holds.
   *
   * @param events the events of the failed work, if it was an event batch
   * @param body the body of the failed work, if it was a body
   * @param failure what was thrown
   */
  record Failed(List<ClaimedEvent> events, List<ClaimedBody> body, Throwable failure)
      implements Sent {}

  /** No result: the round thread is woken to look at its stop signals (a stop, a deadline). */
  enum Wake implements Sent {
    /** The one wake-up. */
    INSTANCE
  }
}
