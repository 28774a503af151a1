package io.dossiersync.core.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @ParameterizedTest(name = "failure {0} waits {1} s")
  @CsvSource({
    "1,1",
    "2,2",
    "3,4",
    "4,8",
    "5,16",
    "6,32",
    "7,64",
    "8,128",
    "9,256",
    "10,300",
    "11,300",
    "20,300",
    "1000,300"
  })
  void theStepDoublesUpTo300Seconds(int failures, long seconds) {
    assertThat(Backoff.step(failures)).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(new Backoff(() -> 0.0, HOUR).delay(failures, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "jitter {0}")
  @ValueSource(doubles = {0.0, 0.25, 0.5, 0.999, 1.0, 7.0, -3.0})
  void jitterAddsAtMostTenPercent(double jitter) {
    for (int failures = 1; failures <= 12; failures++) {
      Duration step = Backoff.step(failures);
      Duration delay = new Backoff(() -> jitter, HOUR).delay(failures, Optional.empty());

      assertThat(delay).isBetween(step, step.plusMillis(step.toMillis() / 10));
    }
  }

  @Test
  void fullJitterIsExactlyTenPercent() {
    assertThat(new Backoff(() -> 1.0, HOUR).delay(10, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(330));
  }

  @ParameterizedTest(name = "failure {0}, Retry-After {1} s -> {2} s")
  @CsvSource({"1,30,30", "9,30,256", "10,600,600", "3,86400,3600", "2,-5,2", "10,0,300"})
  void retryAfterWinsWhenLongerAndIsCapped(int failures, long retryAfter, long expected) {
    Backoff backoff = new Backoff(() -> 0.0, HOUR);

    assertThat(backoff.delay(failures, Optional.of(Duration.ofSeconds(retryAfter))))
        .isEqualTo(Duration.ofSeconds(expected));
  }

  @Test
  void nextAttemptIsNowPlusTheDelay() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(new Backoff(() -> 0.0, HOUR).nextAttempt(now, 3, Optional.empty()))
        .isEqualTo(now.plusSeconds(4));
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> Backoff.step(0)).hasMessageContaining("failures");
    assertThatThrownBy(() -> new Backoff(() -> 0.0, Duration.ZERO))
        .hasMessageContaining("maxRetryAfter");
  }
}
