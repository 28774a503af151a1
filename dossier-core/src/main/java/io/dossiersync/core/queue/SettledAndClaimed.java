package io.dossiersync.core.queue;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TaskQueue#settleAndClaim} did in one transaction: the settlements that applied and
 * the tasks then claimed.
 *
 * @param settled the settlements whose claims were still held, in the given order
 * @param claimed the tasks claimed after them, in claim order, maybe none
 * @param <C> the claimed task type
 * @since 0.1.0
 */
public record SettledAndClaimed<C extends ClaimedTask>(
    List<Settlement<C>> settled, List<C> claimed) {

  /** Copies the lists. */
  public SettledAndClaimed {
    settled = List.copyOf(Objects.requireNonNull(settled, "settled"));
    claimed = List.copyOf(Objects.requireNonNull(claimed, "claimed"));
  }
}
