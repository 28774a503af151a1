package io.dossiersync.testkit.fake;

import static io.dossiersync.testkit.fake.FakeRequests.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import io.dossiersync.core.transport.TransportOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScriptedContentTransportTest {

  @Test
  void answersStoredByDefault() {
    ScriptedContentTransport transport = ScriptedContentTransport.create();

    assertThat(transport.push(push("spec.md"))).isEqualTo(PushResults.stored());
    assertThat(transport.requests())
        .extracting(PushContentRequest::artifactPath)
        .containsExactly("spec.md");
  }

  @Test
  void pathScriptComesBeforeInOrderScriptWhichComesBeforeDefault() {
    ScriptedContentTransport transport =
        ScriptedContentTransport.builder().defaultAnswer(PushResults.alreadyExists()).build();
    transport.thenReturn(PushResults.serviceUnavailable());
    transport.forPath("plan.md", PushResults.indexEntryNotFound(), PushResults.stored());

    assertThat(transport.push(push("plan.md"))).isEqualTo(PushResults.indexEntryNotFound());
    assertThat(transport.push(push("spec.md"))).isEqualTo(PushResults.serviceUnavailable());
    assertThat(transport.remainingAnswers()).isEqualTo(1);
    assertThat(transport.push(push("spec.md"))).isEqualTo(PushResults.alreadyExists());
    assertThat(transport.push(push("plan.md"))).isEqualTo(PushResults.stored());
    assertThat(transport.push(push("plan.md"))).isEqualTo(PushResults.alreadyExists());
    assertThat(transport.requestsFor("plan.md")).hasSize(3);
    assertThat(transport.remainingAnswers()).isZero();
  }

  @Test
  void delayedAnswerWaitsWithTheSleeper() {
    List<Duration> slept = new ArrayList<>();
    ScriptedContentTransport transport =
        ScriptedContentTransport.builder().sleeper(slept::add).build();
    transport.thenAnswer(
        ScriptedAnswer.<PushContentRequest, PushResult>returning(
                PushResults.rateLimited(Duration.ofSeconds(3)))
            .after(Duration.ofMillis(250)));

    PushResult result = transport.push(push("spec.md"));

    assertThat(slept).containsExactly(Duration.ofMillis(250));
    assertThat(result.outcome()).isEqualTo(TransportOutcome.RETRY);
    assertThat(result.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void thrownAnswerIsThrownAndTheRequestStillRecorded() {
    ScriptedContentTransport transport = ScriptedContentTransport.create();
    transport.forPath("spec.md", ScriptedAnswer.throwing(new IllegalStateException("boom")));

    assertThatThrownBy(() -> transport.push(push("spec.md")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(transport.requests()).hasSize(1);
  }

  @Test
  void computedAnswerSeesTheRequest() {
    ScriptedContentTransport transport = ScriptedContentTransport.create();
    transport.setDefaultAnswer(
        ScriptedAnswer.computing(r -> PushResults.validationError("bad " + r.artifactPath())));

    assertThat(transport.push(push("x.md")).reason()).isEqualTo("validation_error: bad x.md");
  }

  @Test
  void awaitRequestsReturnsOnceEnoughArrivedFromOtherThreads() throws Exception {
    ScriptedContentTransport transport = ScriptedContentTransport.create();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int i = 0; i < 40; i++) {
        String path = "research/r" + i + ".md";
        pool.execute(
            () -> {
              awaitQuietly(start);
              transport.push(push(path));
            });
      }
      start.countDown();
      assertThat(transport.awaitRequests(40, Duration.ofSeconds(10))).hasSize(40);
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(transport.requests())
        .extracting(PushContentRequest::artifactPath)
        .doesNotHaveDuplicates()
        .hasSize(40);
  }

  @Test
  void awaitFailureListsWhatArrived() {
    ScriptedContentTransport transport = ScriptedContentTransport.create();
    transport.push(push("spec.md"));

    assertThatThrownBy(() -> transport.awaitRequests(2, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 2 push-content requests")
        .hasMessageContaining("but 1 arrived")
        .hasMessageContaining("047-some-name:spec.md")
        .hasMessageNotContaining("body of");
  }

  @Test
  void resetForgetsRequestsAndScript() {
    ScriptedContentTransport transport = ScriptedContentTransport.create();
    transport.thenReturn(PushResults.unauthorized());
    transport.push(push("a.md"));
    transport.thenReturn(PushResults.unauthorized());

    transport.reset();

    assertThat(transport.requests()).isEmpty();
    assertThat(transport.remainingAnswers()).isZero();
    assertThat(transport.push(push("a.md"))).isEqualTo(PushResults.stored());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
