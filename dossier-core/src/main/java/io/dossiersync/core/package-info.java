/**
 * The namespace every synced artifact belongs to, and the domain exceptions shared by all packages.
 */
@NullMarked
package io.dossiersync.core;

import org.jspecify.annotations.NullMarked;
