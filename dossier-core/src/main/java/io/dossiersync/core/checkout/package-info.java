/**
 * Reading a namespace from a spec-kitty checkout ({@code .kittify/config.yaml}, {@code meta.json},
 * manifests).
 */
@NullMarked
package io.dossiersync.core.checkout;

import org.jspecify.annotations.NullMarked;
