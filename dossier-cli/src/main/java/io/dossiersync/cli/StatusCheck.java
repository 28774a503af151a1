package io.dossiersync.cli;

import io.dossiersync.core.queue.OldestPending;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of {@code dossier status --check} (PRODUCT.md §6): healthy when no pending task is
 * older than the limit and there is no failure record, else one line that says what is wrong.
 *
 * @param healthy true when the check passes (exit 0), false for exit 4
 * @param line the one line to print
 */
record StatusCheck(boolean healthy, String line) {

  /** The default {@code --max-age}, in seconds. */
  static final long DEFAULT_MAX_AGE_SECONDS = 3600;

  /** Judges the queue: its oldest pending task against the limit, and its failure records. */
  static StatusCheck of(
      Optional<OldestPending> oldest, long failures, Duration maxAge, Instant now) {
    List<String> problems = new ArrayList<>();
    oldest
        .filter(o -> o.age(now).compareTo(maxAge) > 0)
        .ifPresent(
            o ->
                problems.add(
                    "oldest pending "
                        + o.kind().wireName()
                        + " "
                        + o.featureSlug()
                        + " "
                        + o.artifactPath()
                        + " has waited "
                        + o.age(now).toSeconds()
                        + " s (limit "
                        + maxAge.toSeconds()
                        + " s)"));
    if (failures > 0) {
      problems.add(
          failures
              + (failures == 1 ? " failure record" : " failure records")
              + " (see 'dossier failures')");
    }
    if (problems.isEmpty()) {
      return new StatusCheck(
          true, "ok: no pending task older than " + maxAge.toSeconds() + " s, no failure records");
    }
    return new StatusCheck(false, "unhealthy: " + String.join("; ", problems));
  }
}
