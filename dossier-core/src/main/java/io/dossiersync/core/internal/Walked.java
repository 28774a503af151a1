package io.dossiersync.core.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the file-system indexer hands to the body read: its result, and for every artifact it walked
 * (by relative path) the {@link WalkedFile} to read. Immutable. Generic in the result so that this
 * package stays a leaf (it names no type of {@code core.index}). Not API.
 *
 * @param <D> the indexer's result (a {@code MissionDossier})
 * @param dossier the indexed dossier
 * @param files the walked file of every present artifact, by relative path
 */
public record Walked<D>(D dossier, Map<String, WalkedFile> files) {

  /** Copies the map and checks that no field is null. */
  public Walked {
    Objects.requireNonNull(dossier, "dossier");
    files = Map.copyOf(Objects.requireNonNull(files, "files"));
  }

  /**
   * A dossier from an indexer that walks nothing: every body is resolved at read time.
   *
   * @param <D> the indexer's result
   * @param dossier the dossier
   * @return the dossier with no walked files
   */
  public static <D> Walked<D> unwalked(D dossier) {
    return new Walked<>(dossier, Map.of());
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
