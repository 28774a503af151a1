package io.dossiersync.core.drain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link BackgroundSync} is doing, as a host reads it ({@link BackgroundSync#state()}).
 *
 * @param phase running, paused after the token was rejected, or stopped
 * @param reason why it is in that phase, when it is not simply running: e.g. {@code not started},
 *     {@code stopped by the host}, {@code unauthorized: ...} or {@code error: OutOfMemoryError:
 *     Java heap space}; never a token or a body
 * @param since when it entered the phase (wall clock)
 * @since 0.1.0
 */
public record ServiceState(Phase phase, Optional<String> reason, Instant since) {

  /** The phases of a background service. */
  public enum Phase {
    /** Draining, or waiting for the next task to be due. */
    RUNNING,
    /** The receiver rejected the token and no fresh one came: sends wait for the pause. */
    AUTH_PAUSED,
    /** Not started, stopped by the host, or stopped by an {@link Error} (the reason says). */
    STOPPED
  }

  /** Checks that no field is null. */
  public ServiceState {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(since, "since");
  }
}
