/**
 * Indexing a feature directory into a {@link io.dossiersync.core.index.MissionDossier}: artifacts,
 * expected-artifact manifests, the {@link io.dossiersync.core.index.Indexer} port and its
 * file-system default.
 */
@NullMarked
package io.dossiersync.core.index;

import org.jspecify.annotations.NullMarked;
