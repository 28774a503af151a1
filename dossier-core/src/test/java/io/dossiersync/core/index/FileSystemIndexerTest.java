package io.dossiersync.core.index;

import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dossiersync.core.internal.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemIndexerTest {

  private static final ExpectedArtifactManifest SOFTWARE_DEV =
      ManifestRegistry.builtIn().find("software-dev").orElseThrow();

  @TempDir Path root;

  private Path feature() throws IOException {
    return Files.createDirectories(root.resolve("kitty-specs/047-x"));
  }

  private static MissionDossier index(Path dir, String type, Optional<String> step) {
    return new FileSystemIndexer()
        .index(dir, new IndexRequest(type, ManifestRegistry.builtIn().find(type), step));
  }

  private static List<String> paths(MissionDossier dossier) {
    return dossier.artifacts().stream().map(ArtifactRef::relativePath).toList();
  }

  /** Writes {@code text} to each of {@code paths} under {@code dir}. */
  private static void writeEach(Path dir, String text, String... paths) {
    for (String path : paths) {
      write(dir, path, text);
    }
  }

  @Test
  void walksRecursivelyInCodePointOrderSkippingHiddenPaths() throws IOException {
    Path dir = feature();
    writeEach(
        dir, "text", "b.md", "a/z.md", "a-b.md", "A.md", "x\uD83D\uDE00.md", "x\uE000.md", "a.md");
    write(dir, ".gitkeep", "");
    write(dir, ".git/config", "x");
    write(dir, "tasks/.gitkeep", "");
    write(dir, "a/.hidden/deep.md", "x");
    Files.createDirectories(dir.resolve("empty-dir"));

    MissionDossier dossier = index(dir, "unknown-type", Optional.empty());

    assertThat(paths(dossier))
        .containsExactly(
            "A.md", "a-b.md", "a.md", "a/z.md", "b.md", "x\uE000.md", "x\uD83D\uDE00.md");
  }

  @Test
  void hashesTheRawBytesWithoutNormalisation() throws IOException {
    Path dir = feature();
    byte[] bytes = "\uFEFFline one\r\nline two\n".getBytes(StandardCharsets.UTF_8);
    write(dir, "spec.md", bytes);
    write(dir, "blob.bin", new byte[] {0, (byte) 0xFF, 0x10});

    MissionDossier dossier = index(dir, "software-dev", Optional.empty());

    ArtifactRef blob = dossier.artifacts().get(0);
    ArtifactRef spec = dossier.artifacts().get(1);
    assertThat(spec.contentHashSha256()).contains(Sha256.hex(bytes));
    assertThat(spec.sizeBytes()).isEqualTo(bytes.length);
    assertThat(spec.isPresent()).isTrue();
    assertThat(spec.errorReason()).isEmpty();
    assertThat(blob.contentHashSha256())
        .contains("2da45f2cd1f9c8e69a67abf7a6b26c282533d0a7686787a9533265418680d4d2");
    assertThat(blob.sizeBytes()).isEqualTo(3);
    assertThat(Sha256.hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void followsOnlySymlinksToRegularFilesInsideTheFeatureDirectory() throws IOException {
    Path dir = feature();
    write(dir, "real.md", "inside");
    Path outside = write(root, "secret.md", "outside");
    write(dir, "sub/inner.md", "x");
    Files.createSymbolicLink(dir.resolve("link-in.md"), dir.resolve("real.md"));
    Files.createSymbolicLink(dir.resolve("link-out.md"), outside);
    Files.createSymbolicLink(dir.resolve("link-relative-out.md"), Path.of("../../secret.md"));
    Files.createSymbolicLink(dir.resolve("link-dir"), dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("link-broken.md"), dir.resolve("nope.md"));
    Files.createSymbolicLink(dir.resolve("link-loop"), dir);

    MissionDossier dossier = index(dir, "unknown-type", Optional.empty());

    assertThat(paths(dossier)).containsExactly("link-in.md", "real.md", "sub/inner.md");
    assertThat(dossier.artifacts().get(0).contentHashSha256())
        .isEqualTo(dossier.artifacts().get(1).contentHashSha256());
  }

  @Test
  void anUnreadableFileIsAbsentAndNeverAbortsTheIndex() throws IOException {
    Path dir = feature();
    write(dir, "a.md", "a");
    write(dir, "spec.md", "locked");
    write(dir, "z.md", "z");
    FileOpener opener =
        path -> {
          if (path.getFileName().toString().equals("spec.md")) {
            throw new AccessDeniedException(path.toString());
          }
          return Files.newInputStream(path);
        };

    MissionDossier dossier =
        new FileSystemIndexer(opener)
            .index(
                dir,
                new IndexRequest(
                    "software-dev", Optional.of(SOFTWARE_DEV), Optional.of("specify")));

    assertThat(paths(dossier)).containsExactly("a.md", "spec.md", "z.md");
    ArtifactRef spec = dossier.artifacts().get(1);
    assertThat(spec.isPresent()).isFalse();
    assertThat(spec.errorReason()).contains(ArtifactErrorReason.UNREADABLE);
    assertThat(spec.contentHashSha256()).isEmpty();
    assertThat(spec.sizeBytes()).isZero();
    assertThat(spec.artifactKey()).isEqualTo("input.spec.main");
    assertThat(dossier.completeness()).isEqualTo(Completeness.INCOMPLETE);
    assertThat(dossier.counts().requiredMissing()).isEqualTo(1);
  }

  @Test
  void aFileThatVanishesBeforeHashingIsDeletedAfterScan() throws IOException {
    Path dir = feature();
    write(dir, "gone.md", "x");
    FileOpener opener =
        path -> {
          throw new NoSuchFileException(path.toString());
        };

    ArtifactRef gone =
        new FileSystemIndexer(opener)
            .index(dir, new IndexRequest("x", Optional.empty(), Optional.empty()))
            .artifacts()
            .get(0);

    assertThat(gone.errorReason()).contains(ArtifactErrorReason.DELETED_AFTER_SCAN);
    assertThat(gone.isPresent()).isFalse();
  }

  @Test
  void aFileWithoutReadPermissionIsUnreadable() throws IOException {
    Path dir = feature();
    Path file = write(dir, "spec.md", "locked");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(file))
        .as("running as root: permission bits do not stop reads (covered by the opener seam test)")
        .isFalse();

    ArtifactRef spec = index(dir, "software-dev", Optional.empty()).artifacts().get(0);

    assertThat(spec.errorReason()).contains(ArtifactErrorReason.UNREADABLE);
  }

  @Test
  void classifiesByTheManifestWithClashSuffixesAndWorkPackageIds() throws IOException {
    Path dir = feature();
    writeEach(
        dir,
        "x",
        "spec.md",
        "tasks/WP01-setup.md",
        "tasks/WP02.md",
        "research.md",
        "Notes/My File.TXT",
        "lint-report.json");

    List<ArtifactRef> artifacts = index(dir, "software-dev", Optional.empty()).artifacts();

    assertThat(artifacts)
        .extracting(
            ArtifactRef::relativePath,
            ArtifactRef::artifactKey,
            ArtifactRef::artifactClass,
            ArtifactRef::requiredStatus,
            ArtifactRef::wpId,
            ArtifactRef::stepId)
        .containsExactly(
            tuple(
                "Notes/My File.TXT",
                "artifact.notes-my-file.txt",
                ArtifactClass.OTHER,
                RequiredStatus.OPTIONAL,
                Optional.empty(),
                Optional.empty()),
            tuple(
                "lint-report.json",
                "runtime.charter-lint.decay",
                ArtifactClass.RUNTIME,
                RequiredStatus.OPTIONAL,
                Optional.empty(),
                Optional.empty()),
            tuple(
                "research.md",
                "evidence.research",
                ArtifactClass.EVIDENCE,
                RequiredStatus.OPTIONAL,
                Optional.empty(),
                Optional.empty()),
            tuple(
                "spec.md",
                "input.spec.main",
                ArtifactClass.INPUT,
                RequiredStatus.REQUIRED,
                Optional.empty(),
                Optional.of("specify")),
            tuple(
                "tasks/WP01-setup.md",
                "output.tasks.per_wp",
                ArtifactClass.OUTPUT,
                RequiredStatus.REQUIRED,
                Optional.of("WP01"),
                Optional.of("tasks_packages")),
            tuple(
                "tasks/WP02.md",
                "output.tasks.per_wp-2",
                ArtifactClass.OUTPUT,
                RequiredStatus.REQUIRED,
                Optional.of("WP02"),
                Optional.of("tasks_packages")));
  }

  @Test
  void unmatchedFilesGetSanitisedKeysAndWorkflowClassForWorkPackages() throws IOException {
    Path dir = feature();
    writeEach(
        dir,
        "x",
        "a b.md",
        "a-b.md",
        "a+b.md",
        "tasks/WP01.md",
        "tasks/WPx.md",
        "tasks/README.md",
        "caf\u00E9\uD83D\uDE00.md");

    MissionDossier dossier = index(dir, "unknown-type", Optional.empty());

    assertThat(dossier.artifacts())
        .extracting(ArtifactRef::relativePath, ArtifactRef::artifactKey, ArtifactRef::artifactClass)
        .containsExactly(
            tuple("a b.md", "artifact.a-b.md", ArtifactClass.OTHER),
            tuple("a+b.md", "artifact.a-b.md-2", ArtifactClass.OTHER),
            tuple("a-b.md", "artifact.a-b.md-3", ArtifactClass.OTHER),
            tuple("caf\u00E9\uD83D\uDE00.md", "artifact.caf--.md", ArtifactClass.OTHER),
            tuple("tasks/README.md", "artifact.tasks-readme.md", ArtifactClass.OTHER),
            tuple("tasks/WP01.md", "artifact.tasks-wp01.md", ArtifactClass.WORKFLOW),
            tuple("tasks/WPx.md", "artifact.tasks-wpx.md", ArtifactClass.WORKFLOW));
    assertThat(dossier.completeness()).isEqualTo(Completeness.UNKNOWN);
    assertThat(dossier.manifestVersion()).isEqualTo("1");
    assertThat(dossier.missionType()).isEqualTo("unknown-type");
    assertThat(dossier.artifacts()).allMatch(a -> a.requiredStatus() == RequiredStatus.OPTIONAL);
  }

  @Test
  void requiredArtifactsOfTheStepWithoutAFileAreNotFound() throws IOException {
    Path dir = feature();
    write(dir, "plan.md", "x");

    MissionDossier dossier = index(dir, "software-dev", Optional.of("tasks_packages"));

    assertThat(dossier.artifacts()).hasSize(2);
    ArtifactRef missing = dossier.artifacts().get(1);
    assertThat(missing)
        .isEqualTo(
            AbsentArtifacts.absent(
                "output.tasks.per_wp",
                ArtifactClass.OUTPUT,
                "tasks/WP*.md",
                ArtifactErrorReason.NOT_FOUND,
                RequiredStatus.REQUIRED,
                Optional.empty(),
                Optional.of("tasks_packages")));
    assertThat(dossier.completeness()).isEqualTo(Completeness.INCOMPLETE);
    assertThat(dossier.step()).contains("tasks_packages");
    assertThat(dossier.counts()).isEqualTo(new ArtifactCounts(2, 2, 1, 1, 0, 0));
  }

  @Test
  void withoutAStepOnlyRequiredAlwaysIsChecked() throws IOException {
    Path dir = feature();
    write(dir, "notes.md", "x");
    ExpectedArtifactManifest manifest =
        new ExpectedArtifactManifest(
            "1.0",
            "custom",
            "2",
            List.of(new ArtifactSpec("input.charter", ArtifactClass.POLICY, "charter.md", true)),
            Map.of("s", List.of(new ArtifactSpec("output.x", ArtifactClass.OUTPUT, "x.md", true))),
            List.of());

    MissionDossier dossier =
        new FileSystemIndexer()
            .index(dir, new IndexRequest("custom", Optional.of(manifest), Optional.empty()));

    assertThat(paths(dossier)).containsExactly("notes.md", "charter.md");
    assertThat(dossier.artifacts().get(1).stepId()).isEmpty();
    assertThat(dossier.manifestVersion()).isEqualTo("2");
    assertThat(index(dir, "software-dev", Optional.empty()).completeness())
        .isEqualTo(Completeness.COMPLETE);
  }

  @Test
  void workPackageIdsComeOnlyFromFilesDirectlyInTasks() {
    assertThat(ArtifactClassifier.wpId("tasks/WP01.md")).contains("WP01");
    assertThat(ArtifactClassifier.wpId("tasks/WP123-http-transport.md")).contains("WP123");
    assertThat(ArtifactClassifier.wpId("tasks/WPx.md")).isEmpty();
    assertThat(ArtifactClassifier.wpId("tasks/WP01/notes.md")).isEmpty();
    assertThat(ArtifactClassifier.wpId("tasks/WP01.txt")).isEmpty();
    assertThat(ArtifactClassifier.wpId("other/WP01.md")).isEmpty();
  }

  @Test
  void specialFilesAndLinksToThemAreSkipped() throws Exception {
    Path dir = feature();
    write(dir, "a.md", "x");
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.md").toString()).start();
    assumeThat(mkfifo.waitFor()).as("mkfifo is needed to create a special file").isZero();
    Files.createSymbolicLink(dir.resolve("link-to-pipe.md"), dir.resolve("pipe.md"));

    assertThat(paths(index(dir, "unknown-type", Optional.empty()))).containsExactly("a.md");
  }

  @Test
  void aVanishedFeatureDirectoryIndexesToAnEmptyDossier() {
    MissionDossier dossier = index(root.resolve("absent"), "software-dev", Optional.empty());

    assertThat(dossier.artifacts()).isEmpty();
    assertThat(dossier.completeness()).isEqualTo(Completeness.COMPLETE);
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
