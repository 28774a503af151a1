package io.dossiersync.core.pipeline;

import static io.dossiersync.core.FeatureFiles.ascii;
import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.EnqueueStatus;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.QueueStoreException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DossierPipelineTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-fixture", "main", "documentation", "1");

  @TempDir Path root;
  private Path dir;
  private final RecordingQueueStore store = new RecordingQueueStore();
  private DossierPipeline pipeline;

  @BeforeEach
  void fixture() throws Exception {
    dir = Files.createDirectories(root.resolve("047-fixture"));
    for (String surface :
        List.of(
            "spec.md",
            "plan.md",
            "tasks.md",
            "research.md",
            "data-model.md",
            "research/notes.md",
            "contracts/api.yaml",
            "contracts/schema.json",
            "checklists/requirements.md",
            "research/sources.csv",
            "tasks/WP01-setup.md")) {
      write(dir, surface, "# " + surface + "\n");
    }
    write(dir, "quickstart.md", "");
    write(dir, "meta.json", "{}");
    write(dir, "notes.txt", "x");
    write(dir, "tasks/README.md", "x");
    write(dir, "tasks/WP02.MD", "x");
    write(dir, "tasks/WP01/notes.md", "x");
    write(dir, "research/data.jsonl", "{}");
    write(dir, "research/archive.tar.gz", "x");
    write(dir, "research/Makefile", "x");
    write(dir, "research/big.md", ascii(524_289));
    write(dir, "research/bad.md", new byte[] {(byte) 0xFF, 'x'});
    write(dir, ".gitkeep", "");
    write(dir, ".kittify/config.yaml", "x");
    AtomicInteger ids = new AtomicInteger();
    pipeline =
        DossierPipeline.builder()
            .queueStore(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .ids(() -> String.format("ID%03d", ids.incrementAndGet()))
            .build();
  }

  private static List<org.assertj.core.groups.Tuple> rows(DossierSyncResult result) {
    return result.outcomes().stream()
        .map(o -> tuple(o.artifactPath(), o.status(), o.reason().orElse(null)))
        .toList();
  }

  @Test
  void syncsAFixtureFeatureWithTheExactOutcomeList() {
    store.bodyAnswer =
        RecordingQueueStore.each(
            t ->
                t.artifactPath().equals("plan.md")
                    ? EnqueueStatus.ALREADY_IN_QUEUE
                    : EnqueueStatus.ENQUEUED);

    DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS, SyncOptions.atStep("audit"));

    assertThat(result.outcomes())
        .extracting(o -> o.artifactPath(), o -> o.status(), o -> o.reason().orElse(null))
        .containsExactly(
            tuple("checklists/requirements.md", OutcomeStatus.QUEUED, null),
            tuple("contracts/api.yaml", OutcomeStatus.QUEUED, null),
            tuple("contracts/schema.json", OutcomeStatus.QUEUED, null),
            tuple("data-model.md", OutcomeStatus.QUEUED, null),
            tuple("meta.json", OutcomeStatus.SKIPPED, "unsupported_surface"),
            tuple("notes.txt", OutcomeStatus.SKIPPED, "unsupported_surface"),
            tuple("plan.md", OutcomeStatus.QUEUED, "already_in_queue"),
            tuple("quickstart.md", OutcomeStatus.SKIPPED, "empty_content"),
            tuple("research.md", OutcomeStatus.QUEUED, null),
            tuple("research/Makefile", OutcomeStatus.SKIPPED, "unsupported_format: (no extension)"),
            tuple("research/archive.tar.gz", OutcomeStatus.SKIPPED, "unsupported_format: .gz"),
            tuple("research/bad.md", OutcomeStatus.SKIPPED, "not_valid_utf8"),
            tuple(
                "research/big.md", OutcomeStatus.SKIPPED, "oversized: 524289 bytes > 524288 limit"),
            tuple("research/data.jsonl", OutcomeStatus.SKIPPED, "unsupported_format: .jsonl"),
            tuple("research/notes.md", OutcomeStatus.QUEUED, null),
            tuple("research/sources.csv", OutcomeStatus.QUEUED, null),
            tuple("spec.md", OutcomeStatus.QUEUED, null),
            tuple("tasks.md", OutcomeStatus.QUEUED, null),
            tuple("tasks/README.md", OutcomeStatus.SKIPPED, "unsupported_surface"),
            tuple("tasks/WP01-setup.md", OutcomeStatus.QUEUED, null),
            tuple("tasks/WP01/notes.md", OutcomeStatus.SKIPPED, "unsupported_surface"),
            tuple("tasks/WP02.MD", OutcomeStatus.SKIPPED, "unsupported_surface"),
            tuple("gap-analysis.md", OutcomeStatus.SKIPPED, "not_present: not_found"));
    assertThat(result.outcomes()).hasSize(result.dossier().artifacts().size());
    assertThat(result.outcomes()).noneMatch(UploadOutcome::retryable);
    assertThat(result.outcomes().get(0).contentHash())
        .contains(Sha256.hex("# checklists/requirements.md\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(result.outcomes().get(22).contentHash()).isEmpty();
    assertThat(result.count(OutcomeStatus.QUEUED)).isEqualTo(11);
    assertThat(result.count(OutcomeStatus.SKIPPED)).isEqualTo(12);
    assertThat(result.countsByStatus())
        .containsEntry(OutcomeStatus.QUEUED, 11)
        .containsEntry(OutcomeStatus.FAILED, 0)
        .hasSize(5);
    assertThat(result.errors()).isEmpty();
    assertThat(result.hasFailures()).isFalse();
    assertThat(result.namespace()).isEqualTo(NS);
  }

  @Test
  void enqueuesAllEventsAndAllEligibleBodiesInOneDossierCall() {
    DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS, SyncOptions.atStep("audit"));

    assertThat(store.dossierCalls).isEqualTo(1);
    assertThat(store.eventBatches).hasSize(1);
    assertThat(store.bodyBatches).hasSize(1);
    List<EventRecord> events = store.eventBatches.get(0);
    assertThat(events).hasSize(22 + 1 + 1);
    assertThat(events.get(events.size() - 2).eventType())
        .isEqualTo("MissionDossierArtifactMissing");
    assertThat(events.get(events.size() - 1).eventType())
        .isEqualTo("MissionDossierSnapshotComputed");
    assertThat(result.eventsEmitted()).isEqualTo(24);
    List<BodyUploadTask> bodies = store.bodyBatches.get(0);
    assertThat(bodies)
        .extracting(BodyUploadTask::artifactPath)
        .containsExactly(
            "checklists/requirements.md",
            "contracts/api.yaml",
            "contracts/schema.json",
            "data-model.md",
            "plan.md",
            "research.md",
            "research/notes.md",
            "research/sources.csv",
            "spec.md",
            "tasks.md",
            "tasks/WP01-setup.md");
    assertThat(bodies).allMatch(b -> b.namespace().equals(NS));
    assertThat(bodies.get(0).contentBody()).isEqualTo("# checklists/requirements.md\n");
    assertThat(store.enqueueTimes).containsOnly(NOW);
  }

  @Test
  void aFullQueueFailsTheRemainingBodiesRetryablyAndWarnsOnce() throws Exception {
    store.eventAnswer = RecordingQueueStore.each(e -> EnqueueStatus.QUEUE_FULL);
    store.bodyAnswer =
        RecordingQueueStore.each(
            t ->
                t.artifactPath().startsWith("research") || t.artifactPath().startsWith("c")
                    ? EnqueueStatus.ENQUEUED
                    : EnqueueStatus.QUEUE_FULL);

    String stderr =
        captureStderr(
            () -> {
              DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS);

              assertThat(result.count(OutcomeStatus.FAILED)).isEqualTo(5);
              assertThat(result.outcomes())
                  .filteredOn(o -> o.status() == OutcomeStatus.FAILED)
                  .allSatisfy(
                      o -> {
                        assertThat(o.reason()).contains("queue_full");
                        assertThat(o.retryable()).isTrue();
                        assertThat(o.contentHash()).isPresent();
                      });
              assertThat(result.eventsEmitted()).isZero();
              assertThat(result.hasFailures()).isTrue();
            });

    List<String> warnings =
        stderr.lines().filter(l -> l.contains("WARN")).collect(Collectors.toList());
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("queue full", "23 events", "5 bodies");
  }

  @Test
  void aStoreFailureFailsEveryEligibleBodyAndIsReportedNotThrown() {
    store.eventAnswer =
        events -> {
          throw new QueueStoreException("database /q.db is locked");
        };
    store.bodyAnswer =
        tasks -> {
          throw new QueueStoreException("database /q.db is locked");
        };

    DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS);

    assertThat(result.errors())
        .containsExactly(
            "event queue: database /q.db is locked", "body queue: database /q.db is locked");
    assertThat(result.eventsEmitted()).isZero();
    assertThat(result.outcomes())
        .filteredOn(o -> o.status() == OutcomeStatus.FAILED)
        .hasSize(11)
        .allSatisfy(
            o -> {
              assertThat(o.reason()).contains("queue_error: database /q.db is locked");
              assertThat(o.reasonCode()).contains("queue_error");
              assertThat(o.retryable()).isTrue();
            });
    assertThat(result.count(OutcomeStatus.SKIPPED)).isEqualTo(11);
  }

  @Test
  void aStoreFailureOfAFeatureWithoutEligibleBodiesIsReportedForTheEventQueueOnly()
      throws Exception {
    Path empty = Files.createDirectories(root.resolve("048-empty"));
    write(empty, "notes.txt", "x");
    store.eventAnswer =
        events -> {
          throw new QueueStoreException("disk full");
        };

    DossierSyncResult result = pipeline.syncFeatureDossier(empty, NS);

    assertThat(result.errors()).containsExactly("event queue: disk full");
    assertThat(result.eventsEmitted()).isZero();
    assertThat(rows(result))
        .containsExactly(tuple("notes.txt", OutcomeStatus.SKIPPED, "unsupported_surface"));
  }

  @Test
  void aStoreAnsweringTooFewStatusesFailsTheRestInsteadOfThrowing() {
    store.bodyAnswer = tasks -> new EnqueueResult(List.of(EnqueueStatus.ENQUEUED), 0);

    DossierSyncResult result = pipeline.syncFeatureDossier(dir, NS);

    assertThat(result.count(OutcomeStatus.QUEUED)).isEqualTo(1);
    assertThat(result.count(OutcomeStatus.FAILED)).isEqualTo(10);
  }

  @Test
  void aFeatureWithNoEligibleBodyMakesNoBodyEnqueueCall() throws Exception {
    Path empty = Files.createDirectories(root.resolve("048-empty"));
    write(empty, "notes.txt", "x");

    DossierSyncResult result = pipeline.syncFeatureDossier(empty, NS);

    assertThat(store.bodyBatches).isEmpty();
    assertThat(store.eventBatches).hasSize(1);
    assertThat(rows(result))
        .containsExactly(tuple("notes.txt", OutcomeStatus.SKIPPED, "unsupported_surface"));
    assertThat(result.dossier().completeness().wireName()).isEqualTo("complete");
  }

  @Test
  void aMissingFeatureDirectoryIsBadInputAndNothingIsEnqueued() {
    Path missing = root.resolve("nope");
    Path file = write(root, "file.md", "x");

    assertThatThrownBy(() -> pipeline.syncFeatureDossier(missing, NS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature directory " + missing + " does not exist or is not a directory");
    assertThatThrownBy(() -> pipeline.syncFeatureDossier(file, NS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.eventBatches).isEmpty();
    assertThat(store.bodyBatches).isEmpty();
  }

  @Test
  void theBuilderRequiresAStoreAndHasWorkingDefaults() {
    assertThatThrownBy(() -> DossierPipeline.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queueStore");
    assertThatThrownBy(() -> SyncOptions.atStep(" ")).isInstanceOf(IllegalArgumentException.class);

    DossierPipeline defaults =
        DossierPipeline.builder()
            .queueStore(store)
            .indexer(new io.dossiersync.core.index.FileSystemIndexer())
            .surfacePolicy(path -> path.equals("research/big.md") || path.equals("notes.txt"))
            .manifests(io.dossiersync.core.index.ManifestRegistry.builtIn())
            .build();
    DossierSyncResult result = defaults.syncFeatureDossier(dir, NS);

    assertThat(store.eventBatches.get(0).get(0).eventId()).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(result.outcomes())
        .filteredOn(o -> o.artifactPath().equals("notes.txt"))
        .extracting(o -> o.reason().orElseThrow())
        .containsExactly("unsupported_format: .txt");
    assertThat(result.count(OutcomeStatus.QUEUED)).isZero();
  }

  private static String captureStderr(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
