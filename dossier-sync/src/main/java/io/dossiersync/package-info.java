/**
 * The one-object facade (PRODUCT.md §10): {@link io.dossiersync.DossierSync} wires the pipeline,
 * the SQLite queue, the HTTP transports and background delivery for the common case, "sync this
 * feature, deliver in the background, flush before exit".
 */
@NullMarked
package io.dossiersync;

import org.jspecify.annotations.NullMarked;
