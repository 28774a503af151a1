/**
 * Body eligibility as a host sees it: the surface policy, the upload outcomes and their reason
 * codes. The check itself (surface, format, 512 KiB guard, re-hash race check, UTF-8, empty) is in
 * {@code io.dossiersync.core.body.internal}.
 */
@NullMarked
package io.dossiersync.core.body;

import org.jspecify.annotations.NullMarked;
