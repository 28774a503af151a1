/**
 * Ports to the receiver: {@link io.dossiersync.core.transport.ContentTransport} (push-content),
 * {@link io.dossiersync.core.transport.EventTransport} (event batch) and {@link
 * io.dossiersync.core.transport.TokenProvider}.
 */
@NullMarked
package io.dossiersync.core.transport;

import org.jspecify.annotations.NullMarked;
