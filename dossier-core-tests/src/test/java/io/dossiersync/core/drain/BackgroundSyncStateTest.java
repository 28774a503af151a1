package io.dossiersync.core.drain;

import static io.dossiersync.core.drain.DrainFixture.quietSync;
import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The state a host reads from a background service (PRODUCT.md §5): running, paused, stopped. */
class BackgroundSyncStateTest {

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void anErrorInASenderStopsTheServiceAndTheStateSaysWhy() throws Exception {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(
        r -> {
          throw new OutOfMemoryError("injected heap exhaustion");
        });

    try (DrainEngine engine = bench.builder().build();
        BackgroundSync sync = quietSync(engine).build()) {
      assertThat(sync.state().phase()).isEqualTo(ServiceState.Phase.STOPPED);
      assertThat(sync.state().reason()).contains("not started");
      sync.start();

      awaitState(
          sync,
          s ->
              s.phase() == ServiceState.Phase.STOPPED
                  && s.reason().orElse("").startsWith("error:"));
      assertThat(sync.state().reason().orElseThrow())
          .isEqualTo("error: OutOfMemoryError: injected heap exhaustion");
      awaitStopped(sync);
    }
    assertThat(bench.listener.tasks)
        .extracting(TaskResult::status)
        .containsExactly(TaskStatus.RELEASED);
    assertThat(bench.pendingBodies()).isEqualTo(1);
    assertThat(bench.peekBodies()).allSatisfy(b -> assertThat(b.retryCount()).isZero());
  }

  @Test
  void anAuthPauseIsANamedStateAndEndsWhenTheTokenIsAccepted() throws Exception {
    try (DrainEngine engine = bench.authRefusedEngine(ns);
        BackgroundSync sync = quietSync(engine).authPause(Duration.ofMillis(300)).build()) {
      sync.start();
      awaitState(sync, s -> s.phase() == ServiceState.Phase.AUTH_PAUSED);
      assertThat(sync.state().reason().orElseThrow()).startsWith("unauthorized:");
      bench.answerBodies(r -> DrainFixture.STORED);

      awaitState(sync, s -> s.phase() == ServiceState.Phase.RUNNING);
      bench.listener.awaitTasks(t -> t.status() == TaskStatus.UPLOADED, 1);
      assertThat(sync.state().reason()).isEmpty();
      sync.stop(Duration.ofSeconds(5));
      assertThat(sync.state().phase()).isEqualTo(ServiceState.Phase.STOPPED);
      assertThat(sync.state().reason()).contains("stopped by the host");
    }
  }

  private static void awaitState(BackgroundSync sync, Predicate<ServiceState> match)
      throws InterruptedException {
    Eventually.until(
        () -> match.test(sync.state()),
        () -> "the service never reached the state; it is " + sync.state());
  }

  private static void awaitStopped(BackgroundSync sync) throws InterruptedException {
    Eventually.until(() -> !sync.isRunning(), () -> "the scheduler thread is still running");
  }
}
