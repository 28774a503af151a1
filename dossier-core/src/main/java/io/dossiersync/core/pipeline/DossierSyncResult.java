package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.index.MissionDossier;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link DossierPipeline#syncFeatureDossier sync} did. Immutable.
 *
 * @param namespace the namespace synced
 * @param dossier the indexed dossier
 * @param eventsEmitted how many dossier events the event queue accepted (enqueued or already
 *     pending); 0 when the event enqueue failed
 * @param outcomes exactly one outcome per artifact of the dossier, in the dossier's order
 * @param errors store-level problems of this sync (e.g. {@code event queue: <message>}); empty when
 *     all went well
 * @since 0.1.0
 */
public record DossierSyncResult(
    NamespaceRef namespace,
    MissionDossier dossier,
    int eventsEmitted,
    List<UploadOutcome> outcomes,
    List<String> errors) {

  /** Copies the lists and checks that no field is null. */
  public DossierSyncResult {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(dossier, "dossier");
    outcomes = List.copyOf(outcomes);
    errors = List.copyOf(errors);
    if (eventsEmitted < 0) {
      throw new IllegalArgumentException("eventsEmitted must be >= 0, got " + eventsEmitted);
    }
  }

  /**
   * Counts the outcomes with a status.
   *
   * @param status the status
   * @return how many outcomes have it
   */
  public int count(OutcomeStatus status) {
    int n = 0;
    for (UploadOutcome outcome : outcomes) {
      if (outcome.status() == status) {
        n++;
      }
    }
    return n;
  }

  /**
   * The number of outcomes per status, every status included (zero when none).
   *
   * @return an unmodifiable map in {@link OutcomeStatus} order
   */
  public Map<OutcomeStatus, Integer> countsByStatus() {
    Map<OutcomeStatus, Integer> counts = new EnumMap<>(OutcomeStatus.class);
    for (OutcomeStatus status : OutcomeStatus.values()) {
      counts.put(status, count(status));
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Whether any artifact ended {@code failed} or the sync recorded an error.
   *
   * @return true when something needs attention
   */
  public boolean hasFailures() {
    return count(OutcomeStatus.FAILED) > 0 || !errors.isEmpty();
  }
}
