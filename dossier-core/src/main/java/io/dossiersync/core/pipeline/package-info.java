/**
 * {@link io.dossiersync.core.pipeline.DossierPipeline#syncFeatureDossier}: index, emit events,
 * prepare and enqueue bodies.
 */
@NullMarked
package io.dossiersync.core.pipeline;

import org.jspecify.annotations.NullMarked;
