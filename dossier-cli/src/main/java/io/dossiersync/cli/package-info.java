/**
 * The {@code dossier} command: a thin layer over the SDK for people and scripts (PRODUCT.md §6).
 */
@NullMarked
package io.dossiersync.cli;

import org.jspecify.annotations.NullMarked;
