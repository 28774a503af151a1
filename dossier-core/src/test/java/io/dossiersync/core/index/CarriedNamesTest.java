package io.dossiersync.core.index;

import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.internal.BodyPreparer;
import io.dossiersync.core.body.internal.PreparedBody;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name rule of PRODUCT.md §2 on the real file system: a name that cannot be carried is absent
 * with {@code invalid_format} under its U+FFFD-replaced name, and the rest of the feature indexes.
 */
class CarriedNamesTest {

  private static final IndexRequest REQUEST =
      new IndexRequest("software-dev", Optional.empty(), Optional.empty());
  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-x", "main", "software-dev", "1");

  @TempDir Path dir;

  private MissionDossier index() {
    return new FileSystemIndexer().index(dir, REQUEST);
  }

  private static ArtifactRef only(MissionDossier dossier, String path) {
    List<ArtifactRef> found =
        dossier.artifacts().stream().filter(a -> a.relativePath().equals(path)).toList();
    assertThat(found).as("artifacts at %s in %s", path, dossier.artifacts()).hasSize(1);
    return found.get(0);
  }

  private void assertInvalidFormat(ArtifactRef artifact) {
    assertThat(artifact.isPresent()).isFalse();
    assertThat(artifact.errorReason()).contains(ArtifactErrorReason.INVALID_FORMAT);
    assertThat(artifact.contentHashSha256()).isEmpty();
    PreparedBody body =
        new BodyPreparer(SurfacePolicy.specKittyDefault(), () -> "id").prepare(dir, NS, artifact);
    assertThat(((PreparedBody.Skipped) body).outcome().reason())
        .contains("not_present: invalid_format");
  }

  @Test
  void aBackslashInANameIsInvalidFormatAndTheRestIndexes() {
    write(dir, "research/a\\b.md", "x");
    write(dir, "spec.md", "# spec");

    MissionDossier dossier = index();

    assertInvalidFormat(only(dossier, "research/a\uFFFDb.md"));
    assertThat(only(dossier, "spec.md").isPresent()).isTrue();
  }

  @Test
  void aControlCharacterInANameIsInvalidFormat() {
    write(dir, "research/bell\u0007\u001b[31m.md", "x");

    assertInvalidFormat(only(index(), "research/bell\uFFFD\uFFFD[31m.md"));
  }

  @Test
  void aDirectoryWithAForbiddenNameMakesEveryFileUnderItInvalidFormat() {
    write(dir, "research/tab\tdir/notes.md", "x");

    assertInvalidFormat(only(index(), "research/tab\uFFFDdir/notes.md"));
  }

  @Test
  void aNameThatIsNotValidUtf8IsInvalidFormatUnderItsReplacedName() throws Exception {
    Path research = Files.createDirectories(dir.resolve("research"));
    Path bad =
        research
            .getFileSystem()
            .getPath(
                research.toString(),
                new String(new byte[] {'b', 'a', 'd'}, StandardCharsets.UTF_8));
    // A name made of raw bytes: 'x' 0xFF '.md', which no UTF-8 decoder accepts.
    Path raw = RawNames.create(research, new byte[] {'x', (byte) 0xFF, '.', 'm', 'd'});
    Files.writeString(bad, "fine");

    MissionDossier dossier = index();

    assertInvalidFormat(only(dossier, "research/x\uFFFD.md"));
    assertThat(Files.exists(raw)).isTrue();
    assertThat(only(dossier, "research/bad").isPresent()).isTrue();
  }

  @Test
  void aNameHoldingARealReplacementCharacterIsCarried() {
    write(dir, "research/odd\uFFFD.md", "fine");

    assertThat(only(index(), "research/odd\uFFFD.md").isPresent()).isTrue();
  }

  @Test
  void anInvalidFormatArtifactMayCarryABackslash() {
    ArtifactRef ref =
        AbsentArtifacts.absent(
            "artifact.a-b",
            ArtifactClass.OTHER,
            "a\\b.md",
            ArtifactErrorReason.INVALID_FORMAT,
            RequiredStatus.OPTIONAL);

    assertThat(ref.relativePath()).isEqualTo("a\\b.md");
  }
}
