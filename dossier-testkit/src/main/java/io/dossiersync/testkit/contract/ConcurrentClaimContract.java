package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thread-safety rule: drainers on several threads never claim the same task twice.
 *
 * @since 0.1.0
 */
public interface ConcurrentClaimContract extends ContractFixture {

  /** Four threads claiming and completing drain the queue exactly once, no lease lost. */
  @Test
  default void concurrentClaimsFromSeveralThreadsNeverOverlapAndLoseNothing() throws Exception {
    int total = 120;
    List<BodyUploadTask> tasks = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      tasks.add(body(i % 2 == 0 ? NS_A : NS_B, "research/r" + i + ".md", i));
    }
    store().bodies().enqueue(tasks, T0);
    Map<String, Integer> claims = new ConcurrentHashMap<>();
    AtomicInteger lostLeases = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> drainers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String owner = "thread-" + t;
        drainers.add(
            () -> {
              List<ClaimedBody> batch;
              while (!(batch = store().bodies().claim(request(7, T0, owner))).isEmpty()) {
                for (ClaimedBody c : batch) {
                  claims.merge(c.task().uploadId(), 1, Integer::sum);
                  if (store().bodies().settle(List.of(Settlement.complete(c, T0))).isEmpty()) {
                    lostLeases.incrementAndGet();
                  }
                }
              }
              return null;
            });
      }
      for (Future<Void> done : pool.invokeAll(drainers, 60, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claims).hasSize(total);
    assertThat(claims.values()).containsOnly(1);
    assertThat(lostLeases).hasValue(0);
    assertThat(store().bodies().pending(ProjectScope.all())).isZero();
  }
}
