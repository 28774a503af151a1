/**
 * Dossier events ({@code MissionDossierArtifactIndexed}, {@code ...ArtifactMissing}, {@code
 * ...SnapshotComputed}), their ULID ids and the parity hash.
 */
@NullMarked
package io.dossiersync.core.event;

import org.jspecify.annotations.NullMarked;
