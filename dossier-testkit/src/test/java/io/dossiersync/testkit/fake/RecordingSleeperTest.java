package io.dossiersync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingSleeperTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final MutableClock clock = MutableClock.at(T0);
  private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

  @Test
  void eachSleepIsRecordedAndMovesTheClock() {
    sleeper.sleep(Duration.ofSeconds(10));
    sleeper.sleep(Duration.ZERO);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ZERO);
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void clearForgetsTheSleepsButNotTheTime() {
    sleeper.sleep(Duration.ofMinutes(1));
    sleeper.clear();

    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aNegativeSleepIsRefusedAndNotRecorded() {
    assertThatThrownBy(() -> sleeper.sleep(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sleeper.sleeps()).isEmpty();
  }
}
