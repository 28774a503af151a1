package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A host's thread factory makes the drain's sender threads (PRODUCT.md §10). */
class SenderThreadFactoryTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void theBodiesAreSentOnTheHostsThreads() {
    bench.enqueueBody(ns, "spec.md");
    bench.enqueueBody(ns, "plan.md");
    AtomicInteger made = new AtomicInteger();
    ThreadFactory host =
        task -> {
          Thread thread = new Thread(task, "host-sender-" + made.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    Set<String> sentOn = ConcurrentHashMap.newKeySet();
    bench.answerBodies(
        r -> {
          sentOn.add(Thread.currentThread().getName());
          return DrainFixture.STORED;
        });

    try (DrainEngine engine = bench.builder().concurrency(2).threadFactory(host).build()) {
      assertThat(engine.drainOnce().bodiesUploaded()).isEqualTo(2);
    }

    assertThat(sentOn).isNotEmpty().allMatch(name -> name.startsWith("host-sender-"));
    assertThat(made.get()).isBetween(1, 2);
  }
}
