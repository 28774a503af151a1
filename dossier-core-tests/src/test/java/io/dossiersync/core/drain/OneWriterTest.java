package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §1: the round thread is the only writer. Every listener call comes from it, and the
 * answers reach the queue through one settle call (one transaction) per batch.
 */
class OneWriterTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<List<?>> settled = new CopyOnWriteArrayList<>();
  private final Set<String> listenerThreads = ConcurrentHashMap.newKeySet();

  @Test
  void everyListenerCallComesFromTheRoundThreadAndEachBatchIsOneWrite() {
    for (int i = 0; i < 250; i++) {
      bench.enqueueEvent(namespace(PROJECT_A, "000-events"), "e/r" + i + ".md");
    }
    bench.enqueueBodies(ns, 150);
    DrainListener threads =
        new DrainListener() {
          @Override
          public void onTask(TaskResult result) {
            listenerThreads.add(Thread.currentThread().getName());
          }

          @Override
          public void onDrain(DrainReport report) {
            listenerThreads.add(Thread.currentThread().getName());
          }
        };

    DrainReport report;
    try (DrainEngine engine =
        bench
            .builder(recording(bench.store))
            .concurrency(4)
            .bodyClaimBatchSize(64)
            .listener(bench.listener.and(threads))
            .build()) {
      report = engine.drainOnce();
    }

    assertThat(report.eventsSent()).isEqualTo(250);
    assertThat(report.bodiesUploaded()).isEqualTo(150);
    assertThat(listenerThreads).containsExactly(Thread.currentThread().getName());
    assertThat(calls)
        .doesNotContain("complete", "completeAll", "reschedule", "release", "fail")
        .as("every claim carries the results waiting (settleAndClaim)")
        .doesNotContain("claim");
    assertThat(calls.stream().filter("events.write"::equals).count())
        .as(
            "the three event batches go out together (concurrency 4): their answers are written"
                + " in at most one transaction per batch")
        .isBetween(1L, 3L);
    assertThat(
            settled.stream()
                .filter(list -> ((Settlement<?>) list.get(0)).claimed() instanceof ClaimedEvent)
                .mapToInt(List::size)
                .sum())
        .isEqualTo(250);
    long bodyWrites = calls.stream().filter("bodies.write"::equals).count();
    assertThat(bodyWrites).isBetween(3L, 6L);
    assertThat(settled)
        .flatMap(list -> list)
        .allSatisfy(
            s -> {
              if (((Settlement<?>) s).claimed() instanceof ClaimedBody body) {
                assertThat(body.task().contentBody())
                    .as("an answer waiting to be written holds no body text")
                    .isEmpty();
              }
            });
    assertThat(bench.listener.tasks)
        .allSatisfy(
            t -> assertThat(t.httpStatus()).isEqualTo(t.kind() == TaskKind.EVENT ? 200 : 201));
  }

  /** The store, recording the name of every queue-view call and the settle arguments. */
  private QueueStore recording(QueueStore real) {
    return (QueueStore)
        Proxy.newProxyInstance(
            QueueStore.class.getClassLoader(),
            new Class<?>[] {QueueStore.class},
            (p, m, args) -> {
              Object view = invoke(m, real, args);
              if (!m.getName().equals("events") && !m.getName().equals("bodies")) {
                return view;
              }
              return Proxy.newProxyInstance(
                  QueueStore.class.getClassLoader(),
                  new Class<?>[] {m.getReturnType()},
                  (vp, vm, vargs) -> {
                    boolean writes =
                        (vm.getName().equals("settle") || vm.getName().equals("settleAndClaim"))
                            && !((List<?>) vargs[0]).isEmpty();
                    calls.add(writes ? m.getName() + ".write" : vm.getName());
                    if (writes) {
                      settled.add((List<?>) vargs[0]);
                    }
                    return invoke(vm, view, vargs);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
