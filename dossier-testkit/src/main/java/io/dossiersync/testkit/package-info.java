/**
 * Test support for dossier-sync and for host applications that embed it (PRODUCT.md §7).
 *
 * <p>Entry points: {@link io.dossiersync.testkit.DossierAssertions} (AssertJ assertions for upload
 * outcomes and the reference receiver's ledger), {@link io.dossiersync.testkit.MutableClock} (a
 * clock tests move by hand), the scripted transport fakes in {@code io.dossiersync.testkit.fake},
 * the reference receiver in {@code io.dossiersync.receiver} and the feature-directory fixture
 * builders in {@code io.dossiersync.testkit.fixture}.
 *
 * <p>The store TCK is {@link io.dossiersync.testkit.QueueStoreContract} (its areas are in {@code
 * io.dossiersync.testkit.contract}). The in-memory queue store is {@link
 * io.dossiersync.testkit.queue.InMemoryQueueStore}: it passes the same contract as the SQLite and
 * PostgreSQL stores. How a host writes an integration test with all of this: {@code
 * docs/testing.md}.
 */
@NullMarked
package io.dossiersync.testkit;

import org.jspecify.annotations.NullMarked;
