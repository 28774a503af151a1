/**
 * Micrometer metrics for dossier-sync: {@link io.dossiersync.micrometer.DossierMetrics} is a drain
 * and sync listener that counts and times what the drain did, and gauges the queue's statistics
 * (sampled, cached).
 */
@NullMarked
package io.dossiersync.micrometer;

import org.jspecify.annotations.NullMarked;
