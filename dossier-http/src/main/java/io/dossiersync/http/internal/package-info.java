/**
 * Implementation details of {@code dossier-http}: the pooled client, request bodies, answer
 * classification and the pure Retry-After and error-body parsers. Public only for the adapter's own
 * packages and tests; not an API, may change in any release.
 */
@NullMarked
package io.dossiersync.http.internal;

import org.jspecify.annotations.NullMarked;
