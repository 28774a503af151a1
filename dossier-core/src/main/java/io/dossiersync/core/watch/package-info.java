/**
 * Live sync (PRODUCT.md §6 {@code dossier watch}): {@link io.dossiersync.core.watch.DossierWatcher}
 * syncs feature directories once, then re-syncs each feature after a quiet period when its files
 * change, picks up new features, and rescans periodically for what the file watcher missed.
 * Delivery stays the drain's job (a {@link io.dossiersync.core.drain.BackgroundSync} the host
 * runs); {@link io.dossiersync.core.watch.WatchedProjects} is the consent that follows the watched
 * projects.
 */
@NullMarked
package io.dossiersync.core.watch;

import org.jspecify.annotations.NullMarked;
