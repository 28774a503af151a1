package io.dossiersync.core.watch;

import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.DossierSyncResult;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.testkit.queue.InMemoryQueueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DossierWatcher} over the real file system and the JDK watch service, with its work on a
 * virtual clock ({@link ManualWatchScheduler}): the debounce, rescans and overflow handling are
 * decided by moving that clock, never by how long the test takes. Real file events arrive
 * asynchronously; {@link #settle()} only waits for them to be handed over.
 */
class DossierWatcherTest {

  private static final String PROJECT = "5f0c2a8e-3d4b-4e6f-9a1b-2c3d4e5f6a7b";
  private static final Duration DEBOUNCE = Duration.ofMillis(500);
  private static final Duration RESCAN = Duration.ofSeconds(300);

  @TempDir Path checkout;
  private Path specs;
  private final InMemoryQueueStore store = InMemoryQueueStore.create();
  private final ManualWatchScheduler scheduler = new ManualWatchScheduler();
  private final Recorder recorder = new Recorder();
  private DossierWatcher watcher;

  /** What the watcher reported, in order. */
  static final class Recorder implements WatchListener {
    final List<String> calls = new ArrayList<>();
    final List<DossierSyncResult> results = new ArrayList<>();

    @Override
    public void onFeatureSynced(Path featureDir, DossierSyncResult result) {
      calls.add("synced " + featureDir.getFileName());
      results.add(result);
    }

    @Override
    public void onFeatureFailed(Path featureDir, String reason) {
      calls.add("failed " + featureDir.getFileName() + ": " + reason);
    }

    @Override
    public void onFeatureGone(Path featureDir) {
      calls.add("gone " + featureDir.getFileName());
    }

    long count(String prefix) {
      return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
  }

  @BeforeEach
  void checkout() {
    write(checkout, ".kittify/config.yaml", "project:\n  uuid: " + PROJECT + "\n");
    specs = checkout.resolve("kitty-specs");
    feature("047-alpha", "# Alpha\n");
    feature("048-beta", "# Beta\n");
  }

  @AfterEach
  void close() {
    if (watcher != null) {
      watcher.close();
    }
    store.close();
  }

  private Path feature(String slug, String spec) {
    Path dir = specs.resolve(slug);
    write(dir, "meta.json", "{\"target_branch\":\"main\",\"mission_type\":\"software-dev\"}");
    write(dir, "spec.md", spec);
    return dir;
  }

  private void start(DossierWatcherBuilder builder) {
    watcher =
        builder
            .pipeline(DossierPipeline.builder().queueStore(store).build())
            .directories(List.of(specs))
            .listener(recorder)
            .debounce(DEBOUNCE)
            .rescanInterval(RESCAN)
            .scheduler(scheduler)
            .build();
    watcher.start();
    scheduler.runReady();
  }

  private void start() {
    start(DossierWatcher.builder());
  }

  /** Waits until the file events of what the test just did are handed over, and runs them. */
  private void settle() throws InterruptedException {
    long quietSince = System.nanoTime();
    int seen = scheduler.submitted();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() - quietSince < Duration.ofMillis(300).toNanos()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      if (scheduler.submitted() != seen) {
        seen = scheduler.submitted();
        quietSince = System.nanoTime();
      }
      scheduler.runReady();
    }
  }

  private List<String> queuedPaths() {
    List<ClaimedBody> bodies =
        store
            .bodies()
            .claim(
                new ClaimRequest(
                    1000,
                    Instant.now(),
                    Duration.ofMillis(1),
                    "test-" + System.nanoTime(),
                    ProjectScope.all(),
                    false));
    return bodies.stream()
        .map(b -> b.task().namespace().featureSlug() + "/" + b.task().artifactPath())
        .sorted()
        .toList();
  }

  @Test
  void theFirstSyncEnqueuesEveryFeatureAndAddsItsProject() {
    WatchedProjects projects = new WatchedProjects();
    start(DossierWatcher.builder().projects(projects));
    assertThat(recorder.calls).containsExactly("synced 047-alpha", "synced 048-beta");
    assertThat(queuedPaths()).containsExactly("047-alpha/spec.md", "048-beta/spec.md");
    assertThat(projects.allows(PROJECT)).isTrue();
    assertThat(projects.snapshot()).containsExactly(PROJECT);
  }

  @Test
  void aBurstOfSavesWithinTheQuietPeriodGivesOneResync() throws Exception {
    start();
    for (int i = 0; i < 200; i++) {
      Files.writeString(specs.resolve("047-alpha/spec.md"), "# Alpha " + i + "\n");
    }
    settle();
    assertThat(recorder.count("synced")).isEqualTo(2);
    scheduler.advance(DEBOUNCE.minusMillis(1));
    assertThat(recorder.count("synced")).isEqualTo(2);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(recorder.calls)
        .containsExactly("synced 047-alpha", "synced 048-beta", "synced 047-alpha");
    assertThat(watcher.syncs()).isEqualTo(3);
  }

  @Test
  void aNewFeatureDirectoryIsPickedUpAndItsLaterEditsToo() throws Exception {
    start();
    feature("049-gamma", "# Gamma\n");
    settle();
    scheduler.advance(DEBOUNCE);
    assertThat(recorder.calls).last().isEqualTo("synced 049-gamma");
    write(specs, "049-gamma/plan.md", "# Plan\n");
    settle();
    scheduler.advance(DEBOUNCE);
    assertThat(recorder.results.get(recorder.results.size() - 1).outcomes())
        .extracting(o -> o.artifactPath())
        .contains("plan.md", "spec.md");
  }

  @Test
  void aDeletedFeatureIsReportedOnceAndNotResyncedByRescans() throws Exception {
    start();
    delete(specs.resolve("048-beta"));
    settle();
    scheduler.advance(DEBOUNCE);
    scheduler.advance(RESCAN);
    scheduler.advance(RESCAN);
    assertThat(recorder.calls)
        .containsExactly("synced 047-alpha", "synced 048-beta", "gone 048-beta");
  }

  @Test
  void anUnreadableFeatureIsReportedOncePerChangeAndTheOthersGoOn() throws Exception {
    start();
    write(specs, "048-beta/meta.json", "{not json");
    Files.writeString(specs.resolve("047-alpha/spec.md"), "# Alpha 2\n");
    settle();
    scheduler.advance(DEBOUNCE);
    scheduler.advance(RESCAN);
    assertThat(recorder.count("failed 048-beta")).isEqualTo(1);
    assertThat(recorder.calls).contains("synced 047-alpha");
    write(specs, "048-beta/spec.md", "# Beta 2, still unreadable\n");
    settle();
    scheduler.advance(DEBOUNCE);
    assertThat(recorder.count("failed 048-beta")).isEqualTo(2);
    assertThat(recorder.calls.get(recorder.calls.size() - 1)).contains("meta.json");
  }

  @Test
  void anOverflowRescansTheAffectedTree() throws Exception {
    start(DossierWatcher.builder().eventFilter(path -> false));
    Files.writeString(specs.resolve("047-alpha/spec.md"), "# Alpha, changed unseen\n");
    settle();
    scheduler.advance(DEBOUNCE);
    assertThat(recorder.count("synced")).isEqualTo(2);
    watcher.simulateOverflow(specs.resolve("047-alpha"));
    scheduler.advance(DEBOUNCE);
    assertThat(recorder.calls)
        .containsExactly("synced 047-alpha", "synced 048-beta", "synced 047-alpha");
  }

  @Test
  void theRescanCatchesAMissedChangeAndSkipsUnchangedFeatures() throws Exception {
    start(DossierWatcher.builder().eventFilter(path -> false));
    Files.writeString(specs.resolve("048-beta/spec.md"), "# Beta, changed while unwatched\n");
    feature("050-delta", "# Delta\n");
    settle();
    scheduler.advance(RESCAN);
    assertThat(recorder.calls)
        .containsExactly(
            "synced 047-alpha", "synced 048-beta", "synced 048-beta", "synced 050-delta");
  }

  @Test
  void closeSyncsTheFeaturesStillInTheirQuietPeriod() throws Exception {
    start();
    Files.writeString(specs.resolve("047-alpha/spec.md"), "# Alpha, saved just before close\n");
    settle();
    watcher.close();
    scheduler.runReady();
    assertThat(recorder.calls).last().isEqualTo("synced 047-alpha");
    assertThatThrownBy(watcher::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theBuilderNamesWhatIsMissingOrOutOfRange() {
    DossierPipeline pipeline = DossierPipeline.builder().queueStore(store).build();
    assertThatThrownBy(() -> DossierWatcher.builder().directories(List.of(specs)).build())
        .hasMessageContaining("pipeline is required");
    assertThatThrownBy(() -> DossierWatcher.builder().pipeline(pipeline).build())
        .hasMessageContaining("directories");
    assertThatThrownBy(
            () ->
                DossierWatcher.builder()
                    .pipeline(pipeline)
                    .directories(List.of(specs))
                    .debounce(Duration.ofMillis(-1))
                    .build())
        .hasMessageContaining("debounce must be between");
    assertThatThrownBy(
            () ->
                DossierWatcher.builder()
                    .pipeline(pipeline)
                    .directories(List.of(specs.resolve("missing")))
                    .build())
        .hasMessageContaining("not a directory");
  }

  @Test
  void theDefaultSchedulerSyncsOnItsOwnThreadAndClosesCleanly() throws Exception {
    watcher =
        DossierWatcher.builder()
            .pipeline(DossierPipeline.builder().queueStore(store).build())
            .directories(List.of(specs.resolve("047-alpha")))
            .listener(recorder)
            .debounce(Duration.ZERO)
            .build();
    watcher.start();
    watcher.close();
    assertThat(queuedPaths()).containsExactly("047-alpha/spec.md");
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
