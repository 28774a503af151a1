/**
 * Test support for dossier-sync and its hosts: fakes of the ports, a reference receiver,
 * fixture builders, and the contract suites that every implementation of a port must pass
 * ({@link io.dossiersync.testkit.QueueStoreContract}).
 */
@NullMarked
package io.dossiersync.testkit;

import org.jspecify.annotations.NullMarked;
