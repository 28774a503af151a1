/**
 * Helpers shared by the packages of dossier-core; public for their use only, not part of the API
 * and free to change.
 */
@NullMarked
package io.dossiersync.core.internal;

import org.jspecify.annotations.NullMarked;
