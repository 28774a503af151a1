package io.dossiersync.core.body.internal;

import static io.dossiersync.core.FeatureFiles.ascii;
import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.index.AbsentArtifacts;
import io.dossiersync.core.index.ArtifactClass;
import io.dossiersync.core.index.ArtifactErrorReason;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.index.RequiredStatus;
import io.dossiersync.core.queue.BodyUploadTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyPreparerTest {

  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-x", "main", "software-dev", "1");

  @TempDir Path root;
  private Path dir;
  private final AtomicInteger ids = new AtomicInteger();
  private BodyPreparer preparer;

  @BeforeEach
  void setUp() throws IOException {
    dir = Files.createDirectories(root.resolve("047-x"));
    preparer =
        new BodyPreparer(SurfacePolicy.specKittyDefault(), () -> "id-" + ids.incrementAndGet());
  }

  private ArtifactRef indexed(String relativePath) {
    MissionDossier dossier =
        new FileSystemIndexer()
            .index(dir, new IndexRequest("x", Optional.empty(), Optional.empty()));
    return dossier.artifacts().stream()
        .filter(a -> a.relativePath().equals(relativePath))
        .findFirst()
        .orElseThrow();
  }

  private String reasonFor(String relativePath) {
    return reasonOf(preparer.prepare(dir, NS, indexed(relativePath)));
  }

  private static String reasonOf(PreparedBody body) {
    assertThat(body).isInstanceOf(PreparedBody.Skipped.class);
    UploadOutcome outcome = ((PreparedBody.Skipped) body).outcome();
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome.retryable()).isFalse();
    return outcome.reason().orElseThrow();
  }

  private BodyUploadTask taskFor(String relativePath) {
    PreparedBody body = preparer.prepare(dir, NS, indexed(relativePath));
    assertThat(body).isInstanceOf(PreparedBody.Eligible.class);
    return ((PreparedBody.Eligible) body).task();
  }

  @Test
  void anEligibleBodyBecomesATaskWithTheIndexHashAndTheExactText() {
    String text = "\uFEFF# Spec \uD83D\uDE00\r\nline\n";
    write(dir, "spec.md", text);

    BodyUploadTask task = taskFor("spec.md");

    assertThat(task.contentBody()).isEqualTo(text);
    assertThat(task.contentHash()).isEqualTo(indexed("spec.md").contentHashSha256().orElseThrow());
    assertThat(task.sizeBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(task.artifactPath()).isEqualTo("spec.md");
    assertThat(task.namespace()).isEqualTo(NS);
    assertThat(task.uploadId()).isEqualTo("id-1");
  }

  @Test
  void absentArtifactsAreNotPresentWithTheirErrorReason() {
    ArtifactRef missing =
        AbsentArtifacts.absent(
            "input.spec.main",
            ArtifactClass.INPUT,
            "spec.md",
            ArtifactErrorReason.NOT_FOUND,
            RequiredStatus.REQUIRED);

    assertThat(reasonOf(preparer.prepare(dir, NS, missing))).isEqualTo("not_present: not_found");
  }

  @Test
  void surfaceIsCheckedBeforeFormatAndSize() {
    write(dir, "tasks/README.md", "x");
    write(dir, "tasks/sub/WP01.md", "x");
    write(dir, "notes.txt", ascii(600_000));

    assertThat(reasonFor("tasks/README.md")).isEqualTo("unsupported_surface");
    assertThat(reasonFor("tasks/sub/WP01.md")).isEqualTo("unsupported_surface");
    assertThat(reasonFor("notes.txt")).isEqualTo("unsupported_surface");
  }

  @Test
  void formatIsCheckedBeforeSize() {
    write(dir, "research/data.TXT", ascii(600_000));
    write(dir, "research/archive.tar.gz", "x");
    write(dir, "research/LICENSE", "x");
    write(dir, "research/upper.MD", "# ok");

    assertThat(reasonFor("research/data.TXT")).isEqualTo("unsupported_format: .TXT");
    assertThat(reasonFor("research/archive.tar.gz")).isEqualTo("unsupported_format: .gz");
    assertThat(reasonFor("research/LICENSE")).isEqualTo("unsupported_format: (no extension)");
    assertThat(taskFor("research/upper.MD").contentBody()).isEqualTo("# ok");
  }

  @Test
  void theInlineLimitIs524288BytesInclusive() {
    write(dir, "research/at-limit.md", ascii(524_288));
    write(dir, "research/over-limit.md", ascii(524_289));

    assertThat(taskFor("research/at-limit.md").sizeBytes()).isEqualTo(524_288);
    assertThat(reasonFor("research/over-limit.md"))
        .isEqualTo("oversized: 524289 bytes > 524288 limit");
  }

  @Test
  void aFileChangedAfterTheIndexIsAHashMismatch() {
    write(dir, "plan.md", "old");
    ArtifactRef artifact = indexed("plan.md");
    write(dir, "plan.md", "new");

    assertThat(reasonOf(preparer.prepare(dir, NS, artifact))).isEqualTo("content_hash_mismatch");
  }

  @Test
  void aFileGrownPastTheLimitAfterTheIndexIsAHashMismatch() {
    write(dir, "plan.md", "small");
    ArtifactRef artifact = indexed("plan.md");
    write(dir, "plan.md", ascii(700_000));

    assertThat(reasonOf(preparer.prepare(dir, NS, artifact))).isEqualTo("content_hash_mismatch");
  }

  @Test
  void aFileDeletedAfterTheIndexIsDeletedAfterScan() throws IOException {
    write(dir, "plan.md", "x");
    ArtifactRef artifact = indexed("plan.md");
    Files.delete(dir.resolve("plan.md"));

    assertThat(reasonOf(preparer.prepare(dir, NS, artifact))).isEqualTo("deleted_after_scan");
  }

  @Test
  void aFailedReadIsAReadErrorNamingWhatFailed() {
    write(dir, "plan.md", "x");
    BodyPreparer failing =
        new BodyPreparer(
            SurfacePolicy.specKittyDefault(),
            () -> "id",
            (path, max) -> {
              throw new AccessDeniedException(path.toString(), null, "Permission denied");
            });
    BodyPreparer broken =
        new BodyPreparer(
            SurfacePolicy.specKittyDefault(),
            () -> "id",
            (path, max) -> {
              throw new IOException("disk on fire");
            });

    assertThat(reasonOf(failing.prepare(dir, NS, indexed("plan.md"))))
        .isEqualTo("read_error: AccessDeniedException (Permission denied)");
    assertThat(reasonOf(broken.prepare(dir, NS, indexed("plan.md"))))
        .isEqualTo("read_error: disk on fire");
  }

  @Test
  void aSymlinkRetargetedOutsideAfterTheIndexIsNeverRead() throws IOException {
    Path inside = write(dir, "research/real.md", "inside");
    Path link = Files.createSymbolicLink(dir.resolve("research/link.md"), inside);
    ArtifactRef artifact = indexed("research/link.md");
    Path outside = write(root, "secret.md", "inside");
    Files.delete(link);
    Files.createSymbolicLink(link, outside);
    AtomicInteger reads = new AtomicInteger();
    BodyPreparer counting =
        new BodyPreparer(
            SurfacePolicy.specKittyDefault(),
            () -> "id",
            (path, max) -> {
              reads.incrementAndGet();
              return Files.readAllBytes(path);
            });

    String reason = reasonOf(counting.prepare(dir, NS, artifact));

    assertThat(reason).isEqualTo("deleted_after_scan");
    assertThat(reads).hasValue(0);
  }

  @Test
  void invalidUtf8IsRejectedStrictly() {
    write(dir, "spec.md", new byte[] {'o', 'k', (byte) 0xC3, 0x28});
    write(dir, "plan.md", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a lone surrogate

    assertThat(reasonFor("spec.md")).isEqualTo("not_valid_utf8");
    assertThat(reasonFor("plan.md")).isEqualTo("not_valid_utf8");
  }

  @Test
  void anEmptyFileIsEmptyContentWithItsHash() {
    write(dir, "tasks.md", "");

    PreparedBody body = preparer.prepare(dir, NS, indexed("tasks.md"));

    assertThat(reasonOf(body)).isEqualTo("empty_content");
    assertThat(((PreparedBody.Skipped) body).outcome().contentHash())
        .contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(((PreparedBody.Skipped) body).outcome().reasonCode()).contains("empty_content");
  }

  @Test
  void aHostPolicyWidensTheSurfacesButNotTheFormatOrSize() {
    write(dir, "docs/guide.md", "# guide");
    write(dir, "docs/big.md", ascii(524_289));
    write(dir, "docs/a.txt", "x");
    BodyPreparer everything = new BodyPreparer(path -> true, () -> "id");

    assertThat(everything.prepare(dir, NS, indexed("docs/guide.md")))
        .isInstanceOf(PreparedBody.Eligible.class);
    assertThat(reasonOf(everything.prepare(dir, NS, indexed("docs/big.md"))))
        .startsWith("oversized:");
    assertThat(reasonOf(everything.prepare(dir, NS, indexed("docs/a.txt"))))
        .isEqualTo("unsupported_format: .txt");
  }
}
