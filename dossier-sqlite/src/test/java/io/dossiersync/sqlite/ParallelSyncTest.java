package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.PROJECT;
import static io.dossiersync.sqlite.TestTasks.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.pipeline.FeatureSyncRequest;
import io.dossiersync.core.queue.ProjectScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DossierPipeline.syncAll} with features read on several threads ahead of the one writer
 * (issue 17): on a real SQLite file it gives what syncing each feature in turn gives, the same
 * outcomes in the same order and the same rows in the same order, and a bad directory stops it
 * after the features before it.
 */
class ParallelSyncTest {

  @TempDir Path dir;

  private List<FeatureSyncRequest> features(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              Path feature = dir.resolve("kitty-specs/" + String.format("%03d-feature", i));
              write(feature.resolve("spec.md"), "# Feature " + i + "\n" + "text ".repeat(200 * i));
              write(feature.resolve("plan.md"), "# Plan " + i);
              write(feature.resolve("research/notes-" + i + ".md"), "notes " + i);
              write(feature.resolve("tasks/WP01.md"), "# WP01 of " + i);
              write(feature.resolve("notes.txt"), "not a surface");
              NamespaceRef ns = namespace(feature.getFileName().toString());
              return FeatureSyncRequest.of(feature, ns);
            })
        .toList();
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> sync(Path db, List<FeatureSyncRequest> requests, int threads) {
    List<String> outcomes = new ArrayList<>();
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(db).build()) {
      DossierPipeline pipeline =
          DossierPipeline.builder().queueStore(store).preparationThreads(threads).build();
      pipeline.syncAll(requests, result -> outcomes.addAll(describe(result)));
      assertThat(store.bodies().pending(ProjectScope.of(java.util.Set.of(PROJECT))))
          .isEqualTo(4L * requests.size());
    }
    return outcomes;
  }

  private static List<String> describe(DossierSyncResult result) {
    List<String> lines = new ArrayList<>();
    for (UploadOutcome o : result.outcomes()) {
      lines.add(
          result.namespace().featureSlug()
              + " "
              + o.artifactPath()
              + " "
              + o.status().wireName()
              + " "
              + o.reason().orElse("-")
              + " "
              + o.contentHash().orElse("-"));
    }
    return lines;
  }

  private static List<String> rows(Path db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return rows;
  }

  @Test
  void severalThreadsGiveWhatOneGivesOutcomesAndRowsInOrder() throws SQLException {
    List<FeatureSyncRequest> requests = features(14);

    List<String> one = sync(dir.resolve("one.db"), requests, 1);
    List<String> three = sync(dir.resolve("three.db"), requests, 3);

    assertThat(three).hasSize(14 * 5).containsExactlyElementsOf(one);
    String bodies =
        "SELECT feature_slug || ' ' || artifact_path, content_hash FROM body_queue"
            + " ORDER BY id";
    assertThat(rows(dir.resolve("three.db"), bodies))
        .hasSize(14 * 4)
        .containsExactlyElementsOf(rows(dir.resolve("one.db"), bodies));
    String events = "SELECT feature_slug, event_type FROM event_queue ORDER BY id";
    assertThat(rows(dir.resolve("three.db"), events))
        .isNotEmpty()
        .containsExactlyElementsOf(rows(dir.resolve("one.db"), events));
  }

  @Test
  void aMissingDirectoryStopsTheSyncAfterTheFeaturesBeforeIt() throws SQLException {
    List<FeatureSyncRequest> requests = new ArrayList<>(features(8));
    FeatureSyncRequest fifth = requests.get(4);
    requests.set(4, FeatureSyncRequest.of(dir.resolve("kitty-specs/gone"), fifth.namespace()));
    List<String> synced = new ArrayList<>();
    Path db = dir.resolve("stopped.db");
    try (SqliteQueueStore store = SqliteQueueStore.builder().path(db).build()) {
      DossierPipeline pipeline =
          DossierPipeline.builder().queueStore(store).preparationThreads(2).build();

      assertThatThrownBy(
              () ->
                  pipeline.syncAll(
                      requests, result -> synced.add(result.namespace().featureSlug())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("gone");
    }

    assertThat(synced).containsExactly("000-feature", "001-feature", "002-feature", "003-feature");
    assertThat(rows(db, "SELECT DISTINCT feature_slug, 1 FROM body_queue ORDER BY 1"))
        .containsExactly("000-feature 1", "001-feature 1", "002-feature 1", "003-feature 1");
  }
}
