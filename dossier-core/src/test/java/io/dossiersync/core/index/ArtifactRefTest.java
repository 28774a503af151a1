package io.dossiersync.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactRefTest {

  static ArtifactRef present(String path, RequiredStatus status) {
    return new ArtifactRef(
        "k." + path,
        ArtifactClass.OTHER,
        path,
        Optional.of("ab"),
        2,
        true,
        Optional.empty(),
        status,
        Optional.empty(),
        Optional.empty());
  }

  static ArtifactRef absent(String path, RequiredStatus status) {
    return AbsentArtifacts.absent(
        "k." + path, ArtifactClass.OTHER, path, ArtifactErrorReason.NOT_FOUND, status);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/abs.md", "..", "../x.md", "a/../b.md", "a/..", "win\\path.md"})
  void rejectsPathsOutsideTheFeatureDirectory(String path) {
    assertThatThrownBy(() -> present(path, RequiredStatus.OPTIONAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relativePath");
  }

  @Test
  void acceptsDotsThatAreNotParentSegments() {
    assertThat(present("a..b/..c.md", RequiredStatus.OPTIONAL).relativePath())
        .isEqualTo("a..b/..c.md");
  }

  @Test
  void presenceHashAndErrorReasonMustAgree() {
    assertThatThrownBy(
            () ->
                presentAtA("k", Optional.of("ab"), 0, Optional.of(ArtifactErrorReason.UNREADABLE)))
        .hasMessageContaining("errorReason");
    assertThatThrownBy(() -> presentAtA("k", Optional.empty(), 0, Optional.empty()))
        .hasMessageContaining("contentHashSha256");
    assertThatThrownBy(() -> presentAtA(" ", Optional.of("ab"), 0, Optional.empty()))
        .hasMessageContaining("artifactKey");
    assertThatThrownBy(() -> presentAtA("k", Optional.of("ab"), -1, Optional.empty()))
        .hasMessageContaining("sizeBytes");
  }

  /** An optional artifact said to be present at {@code a}, with the parts the checks look at. */
  private static ArtifactRef presentAtA(
      String key, Optional<String> hash, long sizeBytes, Optional<ArtifactErrorReason> error) {
    return new ArtifactRef(
        key,
        ArtifactClass.OTHER,
        "a",
        hash,
        sizeBytes,
        true,
        error,
        RequiredStatus.OPTIONAL,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void countsAndCompletenessFollowTheArtifacts() {
    List<ArtifactRef> artifacts =
        List.of(
            present("a", RequiredStatus.REQUIRED),
            absent("b", RequiredStatus.REQUIRED),
            present("c", RequiredStatus.OPTIONAL),
            present("d", RequiredStatus.OPTIONAL),
            absent("e", RequiredStatus.OPTIONAL));

    MissionDossier dossier = MissionDossier.of("t", Optional.empty(), "1", artifacts, true);

    assertThat(dossier.counts()).isEqualTo(new ArtifactCounts(5, 2, 1, 1, 3, 2));
    assertThat(dossier.completeness()).isEqualTo(Completeness.INCOMPLETE);
    assertThat(
            MissionDossier.of("t", Optional.empty(), "1", artifacts.subList(0, 1), true)
                .completeness())
        .isEqualTo(Completeness.COMPLETE);
    assertThat(MissionDossier.of("t", Optional.empty(), "1", artifacts, false).completeness())
        .isEqualTo(Completeness.UNKNOWN);
  }

  @Test
  void wireNamesAreLowerCase() {
    assertThat(ArtifactClass.EVIDENCE.wireName()).isEqualTo("evidence");
    assertThat(ArtifactClass.fromWireName("runtime")).contains(ArtifactClass.RUNTIME);
    assertThat(ArtifactClass.fromWireName("Runtime")).isEmpty();
    assertThat(ArtifactErrorReason.DELETED_AFTER_SCAN.wireName()).isEqualTo("deleted_after_scan");
    assertThat(RequiredStatus.REQUIRED.wireName()).isEqualTo("required");
    assertThat(Completeness.UNKNOWN.wireName()).isEqualTo("unknown");
  }

  @Test
  void specsRejectBlankKeysAndEscapingPatterns() {
    assertThatThrownBy(() -> new ArtifactSpec(" ", ArtifactClass.INPUT, "a", true))
        .hasMessage("artifact_key must not be blank");
    assertThatThrownBy(() -> new ArtifactSpec("k", ArtifactClass.INPUT, "/a", true))
        .hasMessageContaining("path_pattern");
    assertThatThrownBy(() -> new IndexRequest(" ", Optional.empty(), Optional.empty()))
        .hasMessageContaining("missionType");
  }
}
