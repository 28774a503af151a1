package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ProjectScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes draining one file: leases keep them apart (no task claimed twice while leased: the
 * leases outlive the test) and nothing is lost (every task claimed once and completed).
 */
class TwoProcessDrainTest {

  private static final int TASKS = 300;

  @TempDir Path dir;

  @Test
  void twoChildJvmsDrainingOneFileNeverClaimTheSameTaskAndLoseNone() throws Exception {
    Path file = dir.resolve("shared.db");
    List<BodyUploadTask> tasks = new ArrayList<>();
    NamespaceRef ns = namespace("047-shared");
    for (int i = 0; i < TASKS; i++) {
      String id = String.format(Locale.ROOT, "01KT5YTQ%018d", i);
      tasks.add(
          new BodyUploadTask(id, ns, "research/r" + i + ".md", id + "0".repeat(38), "# r" + i, 4));
    }
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
      store.bodies().enqueue(tasks, Instant.now().minusSeconds(1));
    }
    Path go = dir.resolve("go");
    try (ChildJvm first =
            ChildJvm.start(
                DrainWorker.class,
                dir.resolve("a.err"),
                file.toString(),
                "drainer-a",
                go.toString(),
                "3");
        ChildJvm second =
            ChildJvm.start(
                DrainWorker.class,
                dir.resolve("b.err"),
                file.toString(),
                "drainer-b",
                go.toString(),
                "3")) {
      assertThat(first.awaitReady(60)).isTrue();
      assertThat(second.awaitReady(60)).isTrue();
      Files.createFile(go);
      assertThat(first.awaitExit(90)).as(Files.readString(dir.resolve("a.err"))).isZero();
      assertThat(second.awaitExit(90)).as(Files.readString(dir.resolve("b.err"))).isZero();
      Map<String, List<String>> a = byKind(first.lines());
      Map<String, List<String>> b = byKind(second.lines());
      List<String> claims = new ArrayList<>(a.getOrDefault("claimed", List.of()));
      claims.addAll(b.getOrDefault("claimed", List.of()));
      Set<String> all = tasks.stream().map(BodyUploadTask::uploadId).collect(Collectors.toSet());
      assertThat(claims).doesNotHaveDuplicates().hasSize(TASKS);
      assertThat(Set.copyOf(claims)).isEqualTo(all);
      assertThat(a.get("claimed")).as("drainer a took part").isNotEmpty();
      assertThat(b.get("claimed")).as("drainer b took part").isNotEmpty();
      assertThat(a.getOrDefault("lost", List.of())).isEmpty();
      assertThat(b.getOrDefault("lost", List.of())).isEmpty();
      System.out.printf(
          "drainer a claimed %d, drainer b claimed %d%n",
          a.get("claimed").size(), b.get("claimed").size());
    }
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(file).build()) {
      assertThat(store.bodies().pending(ProjectScope.all())).isZero();
    }
    assertThat(SqliteFiles.text(file, "PRAGMA integrity_check")).isEqualTo("ok");
  }

  private static Map<String, List<String>> byKind(List<String> lines) {
    Map<String, List<String>> kinds = new HashMap<>();
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space > 0) {
        kinds
            .computeIfAbsent(line.substring(0, space), k -> new ArrayList<>())
            .add(line.substring(space + 1));
      }
    }
    return kinds;
  }
}
