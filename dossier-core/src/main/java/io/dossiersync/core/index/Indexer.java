package io.dossiersync.core.index;

import java.nio.file.Path;

/**
 * Turns a feature directory into a {@link MissionDossier} (PRODUCT.md §2). {@link
 * FileSystemIndexer} is the default; a host may bring its own (e.g. one that reads from a VCS
 * tree).
 *
 * <p>An implementation never throws because of one file: a file it cannot read becomes an absent
 * artifact with {@link ArtifactErrorReason#UNREADABLE}. Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface Indexer {

  /**
   * Indexes a feature directory.
   *
   * @param featureDir an existing directory
   * @param request the mission type, manifest and step to classify for
   * @return the dossier, artifacts in code-point order of their relative paths, then the required
   *     artifacts that were not found
   */
  MissionDossier index(Path featureDir, IndexRequest request);
}
