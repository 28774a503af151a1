package io.dossiersync.core.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DrainListenerTest {

  private static final TaskResult RESULT =
      new TaskResult(
          TaskKind.BODY,
          "1",
          new NamespaceRef(
              "5f0c2a8e-3d4b-4e6f-9a1b-2c3d4e5f6a7b", "047-x", "main", "software-dev", "1"),
          "spec.md",
          Optional.empty(),
          TaskStatus.UPLOADED,
          "stored",
          Optional.empty(),
          201,
          Duration.ofMillis(3));
  private static final DrainReport REPORT =
      new DrainReport(new TreeSet<>(), 0, 0, 0, 1, 0, 0, 0, 0, false, false, 0, 0, 0);

  @Test
  void andCallsBothListenersInOrder() {
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();

    DrainListener both = first.and(second);
    both.onTask(RESULT);
    both.onDrain(REPORT);

    assertThat(first.tasks).containsExactly(RESULT);
    assertThat(second.tasks).containsExactly(RESULT);
    assertThat(first.drains).containsExactly(REPORT);
    assertThat(second.drains).containsExactly(REPORT);
  }

  @Test
  void aFailingFirstListenerDoesNotSilenceTheSecond() {
    RecordingListener second = new RecordingListener();
    DrainListener both = new ThrowingListener().and(second);

    assertThatThrownBy(() -> both.onTask(RESULT)).hasMessage("listener bug");
    assertThatThrownBy(() -> both.onDrain(REPORT)).hasMessage("listener bug");
    assertThat(second.tasks).containsExactly(RESULT);
    assertThat(second.drains).containsExactly(REPORT);
  }
}
