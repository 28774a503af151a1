/**
 * How the pipeline reads and checks one body before it is queued ({@code BodyPreparer}, {@code
 * PreparedBody}): public only for {@code core.pipeline} (and the benchmarks); not part of the API
 * and free to change. The API of bodies is {@code io.dossiersync.core.body}.
 */
@NullMarked
package io.dossiersync.core.body.internal;

import org.jspecify.annotations.NullMarked;
