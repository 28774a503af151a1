package io.dossiersync.cli;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.pipeline.DossierSyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One synced feature as {@code dossier sync} reports it: its namespace, how many events it emitted,
 * and one row per artifact, updated with what the drain of the same run did.
 */
final class SyncedFeature {

  private final NamespaceRef namespace;
  private final int eventsEmitted;
  private final List<ArtifactRow> rows = new ArrayList<>();
  private final List<String> errors;

  SyncedFeature(DossierSyncResult result) {
    this.namespace = result.namespace();
    this.eventsEmitted = result.eventsEmitted();
    result.outcomes().forEach(outcome -> rows.add(ArtifactRow.of(outcome)));
    this.errors = result.errors();
  }

  NamespaceRef namespace() {
    return namespace;
  }

  List<ArtifactRow> rows() {
    return rows;
  }

  List<String> errors() {
    return errors;
  }

  boolean failed() {
    return !errors.isEmpty() || rows.stream().anyMatch(ArtifactRow::failed);
  }

  /** Applies one body result of this feature's namespace to the matching queued row. */
  void apply(TaskResult result) {
    for (int i = 0; i < rows.size(); i++) {
      ArtifactRow row = rows.get(i);
      if (row.path().equals(result.artifactPath())
          && row.contentHash().equals(result.contentHash())
          && OutcomeStatus.QUEUED.wireName().equals(row.status())) {
        rows.set(i, updated(row, result));
        return;
      }
    }
  }

  private static ArtifactRow updated(ArtifactRow row, TaskResult result) {
    switch (result.status()) {
      case UPLOADED:
        return row.after(OutcomeStatus.UPLOADED.wireName(), Optional.empty());
      case ALREADY_EXISTS:
        return row.after(OutcomeStatus.ALREADY_EXISTS.wireName(), Optional.empty());
      case FAILED:
        return row.after(OutcomeStatus.FAILED.wireName(), Optional.of(result.reason()));
      case RETRY:
        return row.after(OutcomeStatus.QUEUED.wireName(), Optional.of(result.reason()));
      default:
        return row;
    }
  }

  Map<String, Object> json() {
    Map<String, Object> ns =
        Json.object(
            "project_uuid", namespace.projectUuid(),
            "feature_slug", namespace.featureSlug(),
            "target_branch", namespace.targetBranch(),
            "mission_key", namespace.missionKey(),
            "manifest_version", namespace.manifestVersion());
    List<Map<String, Object>> artifacts = new ArrayList<>();
    rows.forEach(row -> artifacts.add(row.json()));
    return Json.object("namespace", ns, "events_emitted", eventsEmitted, "artifacts", artifacts);
  }
}
