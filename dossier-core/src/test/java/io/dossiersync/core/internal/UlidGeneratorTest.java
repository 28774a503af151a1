package io.dossiersync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UlidGeneratorTest {

  private static final String CROCKFORD = "[0-9A-HJKMNP-TV-Z]{26}";

  private static Clock at(long millis) {
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  @Test
  void encodesTheTimeInTheFirstTenCharacters() {
    String id = new UlidGenerator(at(1_469_918_176_385L), new Random(1)).next();

    assertThat(id).matches(CROCKFORD).hasSize(UlidGenerator.LENGTH);
    assertThat(id).startsWith("01ARYZ6S41"); // the reference vector of the ULID spec
  }

  @Test
  void encodesAllEightyRandomBits() {
    assertThat(UlidGenerator.encode(0, 0, 0)).isEqualTo("00000000000000000000000000");
    assertThat(UlidGenerator.encode((1L << 48) - 1, 0xFFFF, -1L))
        .isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
    assertThat(UlidGenerator.encode(0, 0x8000, 0)).isEqualTo("0000000000G000000000000000");
    assertThat(UlidGenerator.encode(0, 0, 1)).isEqualTo("00000000000000000000000001");
  }

  @Test
  void idsOfOneMillisecondAreStrictlyIncreasing() {
    UlidGenerator generator = new UlidGenerator(at(1_700_000_000_000L), new SplittableRandom(7));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(generator.get());
    }

    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id.startsWith(ids.get(0).substring(0, 10)));
  }

  @Test
  void aLaterMillisecondSortsAfterAndABackwardClockStaysMonotonic() {
    long[] now = {1_700_000_000_000L};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now[0]);
          }
        };
    UlidGenerator generator = new UlidGenerator(clock, new SplittableRandom(3));

    String first = generator.next();
    now[0] += 1;
    String second = generator.next();
    now[0] -= 10;
    String third = generator.next();

    assertThat(second.substring(0, 10)).isGreaterThan(first.substring(0, 10));
    assertThat(third).isGreaterThan(second);
    assertThat(third.substring(0, 10)).isEqualTo(second.substring(0, 10));
  }

  @Test
  void theDefaultGeneratorGivesDistinctValidIds() {
    UlidGenerator generator = new UlidGenerator();
    assertThat(generator.next()).matches(CROCKFORD).isNotEqualTo(generator.next());
  }

  @Test
  void aClockOutsideTheUlidRangeIsRejected() {
    assertThatThrownBy(() -> new UlidGenerator(at(-1), new Random()).next())
        .isInstanceOf(IllegalStateException.class);
  }
}
