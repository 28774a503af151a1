package io.dossiersync.core.event;

/** The dossier event types (PRODUCT.md §2); the wire names are those of the Python tool. */
enum DossierEventType {
  /** One per present artifact. */
  ARTIFACT_INDEXED("MissionDossierArtifactIndexed"),
  /** One per absent required artifact. */
  ARTIFACT_MISSING("MissionDossierArtifactMissing"),
  /** One per sync. */
  SNAPSHOT_COMPUTED("MissionDossierSnapshotComputed");

  /** The {@code aggregate_type} of every dossier event. */
  public static final String AGGREGATE_TYPE = "MissionDossier";

  private final String wireName;

  DossierEventType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The {@code event_type} on the wire.
   *
   * @return e.g. {@code MissionDossierArtifactIndexed}
   */
  public String wireName() {
    return wireName;
  }
}
