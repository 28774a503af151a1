/**
 * The pieces of {@link io.dossiersync.testkit.QueueStoreContract}, one interface of default JUnit 5
 * tests per area of the {@link io.dossiersync.core.queue.QueueStore} port: body enqueue and
 * supersede ({@link io.dossiersync.testkit.contract.BodyEnqueueContract}), capacity ({@link
 * io.dossiersync.testkit.contract.CapacityContract}), bodies kept byte for byte ({@link
 * io.dossiersync.testkit.contract.BodyContentContract}), the event queue ({@link
 * io.dossiersync.testkit.contract.EventQueueContract}), claims and leases ({@link
 * io.dossiersync.testkit.contract.ClaimContract}), outcomes ({@link
 * io.dossiersync.testkit.contract.OutcomeContract}), failure records ({@link
 * io.dossiersync.testkit.contract.FailureRecordContract}), stats ({@link
 * io.dossiersync.testkit.contract.StatsContract}), purge ({@link
 * io.dossiersync.testkit.contract.PurgeContract}), concurrent claims ({@link
 * io.dossiersync.testkit.contract.ConcurrentClaimContract}) and a feature's events and bodies
 * enqueued in one call ({@link io.dossiersync.testkit.contract.DossierEnqueueContract}).
 *
 * <p>A store implementation does not implement these interfaces itself: it extends {@code
 * QueueStoreContract}, which implements all of them over one {@link
 * io.dossiersync.testkit.contract.ContractFixture}. Each test method's Javadoc states the rule it
 * checks.
 */
@NullMarked
package io.dossiersync.testkit.contract;

import org.jspecify.annotations.NullMarked;
