package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.ServiceState;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code dossier watch} prints, in process: one stderr line per synced, refused or vanished
 * feature and per drain round that tried something, the same as JSON lines with {@code --json};
 * idle rounds print nothing. And the stop latch that SIGINT/SIGTERM open.
 */
class WatchOutputTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void everyWatchAndDrainEventIsOneLineAndOneJsonObject() {
    WatchOutput output = new WatchOutput(stream(out), stream(err), true);
    try (CliWorld world = new CliWorld(dir, "047-watch")) {
      Path feature = world.feature(0).dir();
      DossierSyncResult result =
          DossierPipeline.builder()
              .queueStore(InMemoryQueueStore.create())
              .build()
              .syncFeatureDossier(
                  feature,
                  new NamespaceRef(
                      "11111111-2222-3333-4444-555555555555",
                      "047-watch",
                      "main",
                      "software-dev",
                      "1"));
      output.onFeatureSynced(feature, result);
      output.onFeatureFailed(feature, "unreadable_meta");
      output.onFeatureGone(feature);
    }
    output.onDrain(report(0, false));
    output.onDrain(report(3, false));

    assertThat(text(err))
        .contains(
            "dossier: watch: synced 047-watch: ",
            "dossier: watch: cannot sync ",
            ": unreadable_meta",
            " is gone; no longer synced",
            "dossier: watch: delivered ");
    assertThat(text(err).lines().filter(l -> l.contains("delivered"))).hasSize(1);
    assertThat(text(out).lines()).hasSize(4).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    assertThat(text(out))
        .contains(
            "\"feature\":\"047-watch\"",
            "\"error\":\"unreadable_meta\"",
            "\"gone\":true",
            "\"drain\":{");
  }

  @Test
  void aPausedOrStoppedDeliveryIsSaidOnceWithItsReason() {
    WatchOutput output = new WatchOutput(stream(out), stream(err), true);
    Instant at = Instant.parse("2026-12-02T10:00:00Z");
    output.onServiceState(new ServiceState(ServiceState.Phase.RUNNING, Optional.empty(), at));
    output.onServiceState(
        new ServiceState(ServiceState.Phase.AUTH_PAUSED, Optional.of("token rejected"), at));
    output.onServiceState(
        new ServiceState(ServiceState.Phase.AUTH_PAUSED, Optional.of("token rejected"), at));
    output.onServiceState(new ServiceState(ServiceState.Phase.RUNNING, Optional.empty(), at));
    output.onServiceState(
        new ServiceState(
            ServiceState.Phase.STOPPED,
            Optional.of("error: java.lang.OutOfMemoryError: Java heap space"),
            at));

    assertThat(text(err).lines())
        .containsExactly(
            "dossier: watch: delivery paused: token rejected",
            "dossier: watch: delivery running again",
            "dossier: watch: delivery stopped: error: java.lang.OutOfMemoryError: Java heap space");
    assertThat(text(out).lines()).hasSize(3);
    assertThat(text(out))
        .contains(
            "\"service\":{",
            "\"phase\":\"stopped\"",
            "\"reason\":\"error: java.lang.OutOfMemoryError: Java heap space\"");
  }

  @Test
  void withoutJsonOnlyStderrIsWritten() {
    WatchOutput output = new WatchOutput(stream(out), stream(err), false);
    output.onFeatureGone(dir);
    output.onDrain(report(0, true));
    assertThat(text(out)).isEmpty();
    assertThat(text(err).lines()).hasSize(2);
  }

  @Test
  void theStopLatchOpensOnceTriggeredAndNamesWhy() throws InterruptedException {
    StopSignal stop = StopSignal.install();
    assertThat(stop.received()).isEmpty();
    stop.trigger("SIGTERM");
    stop.await();
    assertThat(stop.received()).isEqualTo("SIGTERM");
  }

  private static DrainReport report(long uploaded, boolean authPaused) {
    return new DrainReport(
        new TreeSet<>(), 0, 0, 0, uploaded, 0, 0, 0, 0, authPaused, false, 0, 0, 0);
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
