/**
 * The reference receiver: an in-process HTTP server on 127.0.0.1 that implements the receiver side
 * of PRODUCT.md §4 strictly, with fault injection and a {@link
 * io.dossiersync.receiver.ReceiverLedger} of everything it received. Start one with {@link
 * io.dossiersync.receiver.ReferenceReceiver#builder()}.
 */
@NullMarked
package io.dossiersync.receiver;

import org.jspecify.annotations.NullMarked;
