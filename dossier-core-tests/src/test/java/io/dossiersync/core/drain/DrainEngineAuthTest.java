package io.dossiersync.core.drain;

import static io.dossiersync.core.queue.QueueTestData.PROJECT_A;
import static io.dossiersync.core.queue.QueueTestData.T0;
import static io.dossiersync.core.queue.QueueTestData.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueTestData;
import io.dossiersync.core.queue.Settlement;
import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.testkit.fake.PushResults;
import io.dossiersync.testkit.fake.ScriptedTokenProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrainEngineAuthTest {

  private static final PushResult UNAUTHORIZED = PushResults.unauthorized();

  private final DrainFixture bench = new DrainFixture();
  private final NamespaceRef ns = namespace(PROJECT_A, "001-feature");

  @Test
  void a401RefreshesTheTokenOnceAndRetriesWithTheFreshOne() {
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of("old-token", "new-token");
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(
        r -> DrainFixture.carries(tokens, "new-token") ? DrainFixture.STORED : UNAUTHORIZED);

    DrainReport report;
    try (DrainEngine engine = bench.builder().tokenProvider(tokens).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.bodiesUploaded()).isEqualTo(1);
    assertThat(report.authPaused()).isFalse();
    assertThat(tokens.rejectedTokens()).containsExactly(Optional.of(new AccessToken("old-token")));
    assertThat(bench.content.requests()).hasSize(2);
    assertThat(bench.pendingBodies()).isZero();
  }

  @Test
  void a401WithoutAFreshTokenStopsBodiesAndBurnsNoRetry() {
    bench.enqueueBody(ns, "a.md");
    bench.enqueueBody(ns, "b.md");
    bench.enqueueBody(ns, "c.md");
    ClaimedBody a = bench.store.bodies().claim(QueueTestData.claim(1, T0, "earlier")).get(0);
    bench.store.bodies().settle(List.of(Settlement.reschedule(a, T0, "http_503", T0)));
    bench.answerBodies(r -> UNAUTHORIZED);

    DrainReport report;
    try (DrainEngine engine = bench.builder().concurrency(1).bodyClaimBatchSize(10).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.authPaused()).isTrue();
    assertThat(report.released()).isEqualTo(3);
    assertThat(report.bodiesRetry()).isZero();
    assertThat(bench.content.requests()).hasSize(1);
    assertThat(bench.tokens.rejectedTokens()).hasSize(1);
    assertThat(bench.store.bodies().nextDue(ProjectScope.all(), T0).at()).contains(T0);
    assertThat(bench.peekBodies())
        .extracting(b -> b.task().artifactPath(), ClaimedBody::retryCount)
        .containsExactlyInAnyOrder(tuple("a.md", 1), tuple("b.md", 0), tuple("c.md", 0));
  }

  @Test
  void aFreshTokenRejectedTooPausesTheRound() {
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of("old-token", "new-token");
    bench.enqueueBody(ns, "a.md");
    bench.enqueueBody(ns, "b.md");
    bench.answerBodies(r -> UNAUTHORIZED);

    DrainReport report;
    try (DrainEngine engine = bench.builder().tokenProvider(tokens).concurrency(1).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.authPaused()).isTrue();
    assertThat(bench.content.requests()).hasSize(2);
    assertThat(tokens.rejectedTokens()).hasSize(1);
    assertThat(bench.peekBodies()).extracting(ClaimedBody::retryCount).containsOnly(0);
  }

  @Test
  void a401OnEventsReleasesTheBatchAndSendsNoBody() {
    bench.enqueueEvent(ns, "spec.md");
    bench.enqueueBody(namespace(PROJECT_A, "002-other"), "spec.md");
    bench.answerEvents(e -> DrainFixture.BATCH_UNAUTHORIZED);

    DrainReport report;
    try (DrainEngine engine = bench.builder().tokenProvider(TokenProvider.none()).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.authPaused()).isTrue();
    assertThat(report.released()).isEqualTo(1);
    assertThat(report.eventsRetry()).isZero();
    assertThat(bench.content.requests()).isEmpty();
    assertThat(bench.store.events().nextDue(ProjectScope.all(), T0).at()).contains(T0);
  }

  @Test
  void a401OnEventsWithAFreshTokenResendsTheBatchOnce() {
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of("old-token", "new-token");
    bench.enqueueEvent(ns, "spec.md");
    bench.answerEvents(
        e ->
            DrainFixture.carries(tokens, "new-token")
                ? DrainFixture.acceptAll().apply(e)
                : DrainFixture.BATCH_UNAUTHORIZED);

    DrainReport report;
    try (DrainEngine engine = bench.builder().tokenProvider(tokens).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.eventsSent()).isEqualTo(1);
    assertThat(bench.events.batches()).hasSize(2);
    assertThat(bench.pendingEvents()).isZero();
  }

  @Test
  void aProviderThatThrowsCountsAsNoFreshToken() {
    bench.enqueueBody(ns, "spec.md");
    bench.answerBodies(r -> UNAUTHORIZED);
    TokenProvider broken =
        new TokenProvider() {
          @Override
          public Optional<AccessToken> currentToken() {
            throw new IllegalStateException("keychain locked");
          }

          @Override
          public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
            throw new IllegalStateException("keychain locked");
          }
        };

    DrainReport report;
    try (DrainEngine engine = bench.builder().tokenProvider(broken).build()) {
      report = engine.drainOnce();
    }

    assertThat(report.authPaused()).isTrue();
    assertThat(report.released()).isEqualTo(1);
    assertThat(bench.pendingBodies()).isEqualTo(1);
    assertThat(bench.listener.tasks).extracting(TaskResult::reason).containsExactly("unauthorized");
  }
}
