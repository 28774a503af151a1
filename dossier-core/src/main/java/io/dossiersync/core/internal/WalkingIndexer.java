package io.dossiersync.core.internal;

import io.dossiersync.core.index.IndexRequest;
import java.nio.file.Path;

/** An indexer that also hands over the files it walked, so the body read opens those files. */
public interface WalkingIndexer {

  /**
   * Indexes a feature directory and keeps what each file's walk found.
   *
   * @param featureDir an existing directory
   * @param request what to index for
   * @return the dossier and its walked files
   */
  WalkedDossier indexWalked(Path featureDir, IndexRequest request);
}
