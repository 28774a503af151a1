package io.dossiersync.cli;

import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.ServiceState;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.watch.WatchListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code dossier watch} prints (PRODUCT.md §6): one stderr line per synced, refused or
 * vanished feature and per drain round that tried something; with {@code --json}, the same as one
 * JSON object per line on stdout ({@code {"feature":…,"queued":N,…}}, {@code {"drain":{…}}}). Idle
 * drain rounds print nothing. Thread-safe: the watcher and the drain call it from their own
 * threads, and each line is written whole.
 */
final class WatchOutput implements WatchListener, DrainListener {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private ServiceState.Phase lastPhase = ServiceState.Phase.RUNNING;

  WatchOutput(PrintStream out, PrintStream err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  @Override
  public synchronized void onFeatureSynced(Path featureDir, DossierSyncResult result) {
    Map<OutcomeStatus, Integer> counts = result.countsByStatus();
    err.println(
        "dossier: watch: synced "
            + result.namespace().featureSlug()
            + ": "
            + result.eventsEmitted()
            + " events, "
            + counts.get(OutcomeStatus.QUEUED)
            + " queued, "
            + counts.get(OutcomeStatus.SKIPPED)
            + " skipped, "
            + counts.get(OutcomeStatus.FAILED)
            + " failed");
    result.errors().forEach(e -> err.println("dossier: watch: " + e));
    if (json) {
      Map<String, Object> line =
          Json.object(
              "feature",
              result.namespace().featureSlug(),
              "dir",
              featureDir.toString(),
              "project_uuid",
              result.namespace().projectUuid(),
              "events_emitted",
              result.eventsEmitted());
      for (OutcomeStatus status : OutcomeStatus.values()) {
        line.put(status.wireName(), counts.get(status));
      }
      line.put("errors", List.copyOf(result.errors()));
      Json.line(out, line);
    }
  }

  @Override
  public synchronized void onFeatureFailed(Path featureDir, String reason) {
    err.println("dossier: watch: cannot sync " + featureDir + ": " + reason);
    featureLine(featureDir, "error", reason);
  }

  @Override
  public synchronized void onFeatureGone(Path featureDir) {
    err.println("dossier: watch: " + featureDir + " is gone; no longer synced");
    featureLine(featureDir, "gone", true);
  }

  /**
   * With {@code --json}: the line of a feature that has no sync result, named by its directory,
   * with one more field.
   */
  private void featureLine(Path featureDir, String key, Object value) {
    if (json) {
      Json.line(
          out,
          Json.object(
              "feature",
              String.valueOf(featureDir.getFileName()),
              "dir",
              featureDir.toString(),
              key,
              value));
    }
  }

  /**
   * Reports the background delivery's state when its phase changed since the last call: a pause for
   * a rejected token, a return to running, or a stop with its reason (an {@link Error}), so that
   * delivery never ends silently.
   */
  synchronized void onServiceState(ServiceState state) {
    if (state.phase() == lastPhase) {
      return;
    }
    lastPhase = state.phase();
    String why = state.reason().map(r -> ": " + r).orElse("");
    switch (state.phase()) {
      case AUTH_PAUSED -> err.println("dossier: watch: delivery paused" + why);
      case STOPPED -> err.println("dossier: watch: delivery stopped" + why);
      case RUNNING -> err.println("dossier: watch: delivery running again");
    }
    if (json) {
      Json.line(
          out,
          Json.object(
              "service",
              Json.object(
                  "phase",
                  state.phase().name().toLowerCase(Locale.ROOT),
                  "reason",
                  state.reason().orElse(null),
                  "since",
                  state.since().toString())));
    }
  }

  @Override
  public synchronized void onDrain(DrainReport report) {
    if (report.attempted() == 0 && !report.authPaused()) {
      return;
    }
    err.println("dossier: watch: delivered " + report.summary());
    if (json) {
      Json.line(
          out,
          Json.object("drain", DrainCommand.json(report.projects(), report, QueueLeft.of(report))));
    }
  }
}
