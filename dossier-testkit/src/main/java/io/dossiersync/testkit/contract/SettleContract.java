package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.forged;
import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ClaimedEvent;
import io.dossiersync.core.queue.FailureRecord;
import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.SettledAndClaimed;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Settling and renewing (PRODUCT.md §5): a drainer applies a batch of decisions (complete,
 * reschedule, release, fail) in one call, each fenced by its lease owner, optionally with the next
 * claim in the same call, and extends the leases of the tasks it still holds without changing who
 * holds them.
 *
 * @since 0.1.0
 */
public interface SettleContract extends ContractFixture {

  /**
   * settle applies each kind of decision and returns the settlements that took effect, in order; a
   * task whose lease was lost is left alone.
   */
  @Test
  default void settleAppliesEveryDecisionStillHeldAndReturnsThose() {
    store().bodies().enqueue(bodies(NS_A, 5), T0);
    List<ClaimedBody> c = store().bodies().claim(request(5, T0, "d1"));
    ClaimedBody forged = forged(c.get(4));
    List<Settlement<ClaimedBody>> batch =
        List.of(
            Settlement.complete(c.get(0), T0),
            Settlement.reschedule(c.get(1), T0.plusSeconds(30), "http_503", T0),
            Settlement.release(c.get(2), T0),
            Settlement.fail(c.get(3), "validation_error: bad", T0),
            Settlement.complete(forged, T0));

    List<Settlement<ClaimedBody>> applied = store().bodies().settle(batch);

    assertThat(applied).containsExactlyElementsOf(batch.subList(0, 4));
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(3);
    assertThat(store().failures().list(10))
        .extracting(FailureRecord::reason)
        .containsExactly("validation_error: bad");
    List<ClaimedBody> ready = store().bodies().claim(request(5, T0.plusSeconds(1), "d2"));
    assertThat(ready).extracting(b -> b.task().artifactPath()).containsExactly("c.md");
    assertThat(ready.get(0).retryCount()).isZero();
    List<ClaimedBody> later = store().bodies().claim(request(5, T0.plusSeconds(31), "d3"));
    assertThat(later).extracting(b -> b.task().artifactPath()).containsExactly("b.md");
    assertThat(later.get(0).retryCount()).isEqualTo(1);
    assertThat(store().bodies().settle(List.of())).isEmpty();
  }

  /** Events settle the same way, in one call. */
  @Test
  default void eventsSettleInOneCallToo() {
    store().events().enqueue(List.of(event(NS_A, null), event(NS_A, null), event(NS_A, null)), T0);
    List<ClaimedEvent> c = store().events().claim(request(3, T0, "d1"));

    List<Settlement<ClaimedEvent>> applied =
        store()
            .events()
            .settle(
                List.of(
                    Settlement.complete(c.get(0), T0),
                    Settlement.reschedule(c.get(1), T0.plusSeconds(5), "rate_limited", T0),
                    Settlement.fail(c.get(2), "rejected: payload_too_large", T0)));

    assertThat(applied).hasSize(3);
    assertThat(store().events().pending(ProjectScope.all())).isEqualTo(1);
    assertThat(store().events().nextDue(ProjectScope.all(), T0).at()).contains(T0.plusSeconds(5));
    assertThat(store().failures().list(10))
        .extracting(FailureRecord::reason)
        .containsExactly("rejected: payload_too_large");
  }

  /**
   * settleAndClaim applies the settlements still held, then claims, in one call: the claim sees
   * what the settlements did (a released task is claimable again, a completed one is gone, a
   * rescheduled one waits), and a settlement whose lease was lost is left out of the result.
   */
  @Test
  default void settleAndClaimSettlesFirstThenClaimsInOneCall() {
    store().bodies().enqueue(bodies(NS_A, 4), T0);
    List<ClaimedBody> c = store().bodies().claim(request(3, T0, "d1"));
    ClaimedBody forged = forged(c.get(2));
    List<Settlement<ClaimedBody>> batch =
        List.of(
            Settlement.complete(c.get(0), T0),
            Settlement.release(c.get(1), T0),
            Settlement.complete(forged, T0));

    SettledAndClaimed<ClaimedBody> done =
        store().bodies().settleAndClaim(batch, request(10, T0, "d2"));

    assertThat(done.settled()).containsExactlyElementsOf(batch.subList(0, 2));
    assertThat(done.claimed())
        .extracting(b -> b.task().artifactPath())
        .containsExactly("b.md", "d.md");
    assertThat(done.claimed()).allSatisfy(b -> assertThat(b.lease().owner()).isEqualTo("d2"));
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(3);
    assertThat(
            store()
                .bodies()
                .settle(done.claimed().stream().map(b -> Settlement.complete(b, T0)).toList()))
        .hasSize(2);
  }

  /**
   * settleAndClaim with nothing to settle is a claim; with nothing to claim it still settles;
   * events work the same way (a rescheduled event is not claimed again before it is due).
   */
  @Test
  default void settleAndClaimWorksWithEitherHalfEmptyAndForEvents() {
    store().events().enqueue(List.of(event(NS_A, null), event(NS_A, null)), T0);
    SettledAndClaimed<ClaimedEvent> first =
        store().events().settleAndClaim(List.of(), request(1, T0, "e1"));
    assertThat(first.settled()).isEmpty();
    assertThat(first.claimed()).hasSize(1);
    Settlement<ClaimedEvent> later =
        Settlement.reschedule(first.claimed().get(0), T0.plusSeconds(5), "http_503", T0);

    SettledAndClaimed<ClaimedEvent> second =
        store().events().settleAndClaim(List.of(later), request(5, T0, "e2"));

    assertThat(second.settled()).containsExactly(later);
    assertThat(second.claimed()).hasSize(1).doesNotContain(first.claimed().get(0));
    SettledAndClaimed<ClaimedEvent> third =
        store()
            .events()
            .settleAndClaim(
                List.of(Settlement.complete(second.claimed().get(0), T0)), request(5, T0, "e3"));
    assertThat(third.settled()).hasSize(1);
    assertThat(third.claimed()).isEmpty();
    assertThat(store().events().nextDue(ProjectScope.all(), T0))
        .isEqualTo(new NextDue(Optional.of(T0.plusSeconds(5)), false));
  }

  /**
   * renew extends the leases of the tasks still held: no other drainer claims them before the new
   * expiry, the holder still completes them, and a task whose lease was lost is not renewed.
   */
  @Test
  default void renewKeepsTheTasksHeldPastTheirFirstExpiry() {
    store().bodies().enqueue(bodies(NS_A, 2), T0);
    store().events().enqueue(List.of(event(NS_A, null)), T0);
    List<ClaimedBody> bodies = store().bodies().claim(request(1, T0, "d1"));
    List<ClaimedEvent> events = store().events().claim(request(1, T0, "d1"));
    ClaimedBody forged = forged(bodies.get(0));

    assertThat(
            store().bodies().renew(List.of(bodies.get(0), forged), T0.plus(LEASE.multipliedBy(3))))
        .containsExactly(bodies.get(0));
    assertThat(store().events().renew(events, T0.plus(LEASE.multipliedBy(3))))
        .containsExactlyElementsOf(events);

    Instant afterFirstExpiry = T0.plus(LEASE.multipliedBy(2));
    assertThat(store().bodies().claim(request(5, afterFirstExpiry, "d2")))
        .extracting(b -> b.task().artifactPath())
        .containsExactly("b.md");
    assertThat(store().events().claim(request(5, afterFirstExpiry, "d2"))).isEmpty();
    assertThat(store().bodies().settle(List.of(Settlement.complete(bodies.get(0), T0)))).hasSize(1);
    assertThat(store().events().settle(List.of(Settlement.complete(events.get(0), T0)))).hasSize(1);
    assertThat(store().bodies().renew(List.of(), T0)).isEmpty();
    assertThat(Optional.of(store().events().pending(ProjectScope.all()))).contains(0L);
  }
}
