package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code build()} rejects out-of-range settings with a message naming the field and range. */
class BuilderValidationTest {

  private final Path file = Path.of("target", "never-created.db");

  @Test
  void pathIsRequired() {
    assertThatThrownBy(() -> SqliteQueueStore.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path");
  }

  @Test
  void maxQueueSizeMustBePositive() {
    assertThatThrownBy(() -> SqliteQueueStore.builder().path(file).maxQueueSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxQueueSize must be between 1 and");
  }

  @Test
  void busyTimeoutMustNotBeNegative() {
    assertThatThrownBy(
            () -> SqliteQueueStore.builder().path(file).busyTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("busyTimeout must be between 0 and");
  }

  @Test
  void poolSizeMustBeInRange() {
    assertThatThrownBy(() -> SqliteQueueStore.builder().path(file).poolSize(65).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poolSize must be between 1 and 64");
  }
}
