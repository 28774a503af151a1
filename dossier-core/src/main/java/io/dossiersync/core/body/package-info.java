/** Body eligibility (surface, format, 512 KiB guard, re-hash race check, UTF-8, empty) and the upload outcomes it produces. */
@NullMarked
package io.dossiersync.core.body;

import org.jspecify.annotations.NullMarked;
