package io.dossiersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void standsStillUntilMoved() {
    MutableClock clock = MutableClock.at(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(START.plusSeconds(5));
    clock.set(START.minusSeconds(60));
    assertThat(clock.millis()).isEqualTo(START.minusSeconds(60).toEpochMilli());
  }

  @Test
  void refusesToMoveBackwardsByAdvance() {
    assertThatThrownBy(() -> MutableClock.at(START).advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount must be >= 0");
  }

  @Test
  void withZoneIsASeparateClockAtTheSameInstant() {
    MutableClock clock = MutableClock.at(START);
    java.time.Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofMinutes(1));

    assertThat(paris.instant()).isEqualTo(START);
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
