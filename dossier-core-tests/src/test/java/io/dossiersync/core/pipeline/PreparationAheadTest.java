package io.dossiersync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Features prepared on named threads ahead of the writer, in order, never more than the window. */
class PreparationAheadTest {

  private static List<String> requests(int n) {
    return IntStream.range(0, n).mapToObj(i -> "feature-" + i).toList();
  }

  @Test
  void takesEveryPreparationInRequestOrderFromNamedThreads() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Function<String, String> prepare =
        request -> {
          threads.add(Thread.currentThread().getName());
          return request.toUpperCase(Locale.ROOT);
        };
    List<String> taken = new ArrayList<>();
    try (PreparationAhead<String, String> ahead =
        new PreparationAhead<>(2, 4, requests(25), prepare)) {
      for (int i = 0; i < 25; i++) {
        taken.add(ahead.take(i));
      }
    }

    assertThat(taken)
        .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "FEATURE-" + i).toList());
    assertThat(threads)
        .isNotEmpty()
        .allMatch(name -> name.startsWith("dossier-sync-prepare-"))
        .doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void neverPreparesMoreThanTheWindowAheadOfTheWriter() throws Exception {
    AtomicInteger started = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Function<String, String> prepare =
        request -> {
          started.incrementAndGet();
          if (request.equals("feature-0")) {
            await(release);
          }
          return request.toUpperCase(Locale.ROOT);
        };
    try (PreparationAhead<String, String> ahead =
        new PreparationAhead<>(3, 3, requests(10), prepare)) {
      Thread writer = new Thread(() -> ahead.take(0), "writer");
      writer.start();
      while (started.get() < 3) {
        Thread.sleep(5);
      }
      Thread.sleep(100); // room for a wrongly submitted fourth preparation to start
      assertThat(started.get()).isEqualTo(3);
      release.countDown();
      writer.join(10_000);
      assertThat(ahead.take(1)).isEqualTo("FEATURE-1");
      assertThat(started.get()).isLessThanOrEqualTo(5);
    }
  }

  @Test
  void aPreparationThatThrowsRethrowsOnTheWriterAtItsTurn() {
    Map<String, Integer> calls = new ConcurrentHashMap<>();
    Function<String, String> prepare =
        request -> {
          calls.merge(request, 1, Integer::sum);
          if (request.equals("feature-2")) {
            throw new IllegalArgumentException("feature directory feature-2 does not exist");
          }
          return request.toUpperCase(Locale.ROOT);
        };
    try (PreparationAhead<String, String> ahead =
        new PreparationAhead<>(2, 2, requests(6), prepare)) {
      assertThat(ahead.take(0)).isEqualTo("FEATURE-0");
      assertThat(ahead.take(1)).isEqualTo("FEATURE-1");
      assertThatThrownBy(() -> ahead.take(2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("feature-2");
    }
    assertThat(calls).doesNotContainKey("feature-5");
  }

  @Test
  void anErrorInAPreparationIsNotWrapped() {
    Function<String, String> prepare =
        request -> {
          throw new OutOfMemoryError("simulated");
        };
    try (PreparationAhead<String, String> ahead =
        new PreparationAhead<>(1, 1, requests(1), prepare)) {
      assertThatThrownBy(() -> ahead.take(0)).isInstanceOf(OutOfMemoryError.class);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
