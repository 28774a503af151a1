/**
 * The drain engine: events first, then bodies, with per-task backoff, bounded concurrency, consent
 * and a background service.
 */
@NullMarked
package io.dossiersync.core.drain;

import org.jspecify.annotations.NullMarked;
