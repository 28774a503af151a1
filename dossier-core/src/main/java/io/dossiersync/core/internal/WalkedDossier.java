package io.dossiersync.core.internal;

import io.dossiersync.core.index.MissionDossier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the file-system indexer hands to the body read: the dossier, and for every artifact it
 * walked (by relative path) the {@link WalkedFile} to read. Immutable.
 *
 * @param dossier the indexed dossier
 * @param files the walked file of every present artifact, by relative path
 */
public record WalkedDossier(MissionDossier dossier, Map<String, WalkedFile> files) {

  /** Copies the map and checks that no field is null. */
  public WalkedDossier {
    Objects.requireNonNull(dossier, "dossier");
    files = Map.copyOf(Objects.requireNonNull(files, "files"));
  }

  /**
   * A dossier from an indexer that walks nothing: every body is resolved at read time.
   *
   * @param dossier the dossier
   * @return the dossier with no walked files
   */
  public static WalkedDossier unwalked(MissionDossier dossier) {
    return new WalkedDossier(dossier, Map.of());
  }

  /**
   * The walked file of an artifact.
   *
   * @param relativePath the artifact's relative path
   * @return the file, empty when the indexer did not walk it
   */
  public Optional<WalkedFile> file(String relativePath) {
    return Optional.ofNullable(files.get(relativePath));
  }
}
