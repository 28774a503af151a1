package io.dossiersync.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.FeatureFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestLoaderTest {

  @TempDir Path dir;

  private Path write(String yaml) {
    return FeatureFiles.write(dir, "expected-artifacts.yaml", yaml);
  }

  @Test
  void readsAllSectionsInManifestOrder() {
    Path file =
        write(
"""
schema_version: "1.0"
mission_type: custom
manifest_version: 3
required_always:
  - {artifact_key: input.spec, artifact_class: input, path_pattern: spec.md, blocking: true}
required_by_step:
  zeta:
    - {artifact_key: output.z, artifact_class: output, path_pattern: z.md}
  alpha: []
  empty:
optional_always:
  - {artifact_key: evidence.r, artifact_class: evidence, path_pattern: "r/*.md", blocking: false}
unknown_field: ignored
""");

    ExpectedArtifactManifest m = ManifestLoader.load(file);

    assertThat(m.schemaVersion()).isEqualTo("1.0");
    assertThat(m.missionType()).isEqualTo("custom");
    assertThat(m.manifestVersion()).isEqualTo("3");
    assertThat(m.requiredAlways())
        .containsExactly(new ArtifactSpec("input.spec", ArtifactClass.INPUT, "spec.md", true));
    assertThat(m.requiredBySteps()).containsOnlyKeys("zeta", "alpha", "empty");
    assertThat(List.copyOf(m.requiredBySteps().keySet())).containsExactly("zeta", "alpha", "empty");
    assertThat(m.requiredBySteps().get("zeta"))
        .containsExactly(new ArtifactSpec("output.z", ArtifactClass.OUTPUT, "z.md", false));
    assertThat(m.optionalAlways())
        .containsExactly(new ArtifactSpec("evidence.r", ArtifactClass.EVIDENCE, "r/*.md", false));
    assertThat(m.isRequiredKey("output.z")).isTrue();
    assertThat(m.isRequiredKey("evidence.r")).isFalse();
    assertThat(m.requiredAt(Optional.of("zeta")))
        .extracting(ArtifactSpec::artifactKey)
        .containsExactly("input.spec", "output.z");
    assertThat(m.requiredAt(Optional.of("nope")))
        .extracting(ArtifactSpec::artifactKey)
        .containsExactly("input.spec");
    assertThat(m.classify("r/x.md")).map(ArtifactSpec::artifactKey).contains("evidence.r");
    assertThat(m.classify("other.md")).isEmpty();
    assertThat(m).hasToString("ExpectedArtifactManifest[custom v3]");
  }

  @Test
  void manifestVersionDefaultsToOneAndSectionsToEmpty() {
    ExpectedArtifactManifest m = ManifestLoader.load(write("mission_type: bare\n"));

    assertThat(m.manifestVersion()).isEqualTo("1");
    assertThat(m.requiredAlways()).isEmpty();
    assertThat(m.requiredBySteps()).isEmpty();
    assertThat(m.optionalAlways()).isEmpty();
    assertThat(m.requiredAt(Optional.empty())).isEmpty();
  }

  @Test
  void equalManifestsAreEqual() {
    String yaml =
        "mission_type: a\n"
            + "optional_always:\n"
            + "  - {artifact_key: k, artifact_class: other, path_pattern: x}\n";
    ExpectedArtifactManifest one = ManifestLoader.load(write(yaml));
    ExpectedArtifactManifest two = ManifestLoader.load(write(yaml));

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(ManifestLoader.load(write("mission_type: b\n")));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "mission_type: [a|malformed expected-artifact manifest",
        "- a list|(root) must be a mapping",
        "manifest_version: 1|mission_type is required",
        "mission_type: {a: 1}|mission_type must be a scalar",
        "mission_type: x\\nrequired_always: {a: 1}|required_always must be a list",
        "mission_type: x\\nrequired_always: [7]|required_always[0] must be a mapping",
        "mission_type: x\\n"
            + "required_by_step: [a]|required_by_step must be a mapping of step to list",
        "mission_type: x\\nrequired_by_step: {s: 3}|required_by_step.s must be a list",
        "mission_type: x\\n"
            + "optional_always: [{artifact_class: input, path_pattern:"
            + " a}]|optional_always[0].artifact_key is required",
        "mission_type: x\\n"
            + "optional_always: [{artifact_key: k, path_pattern:"
            + " a}]|optional_always[0].artifact_class is required",
        "mission_type: x\\n"
            + "optional_always: [{artifact_key: k, artifact_class: bogus, path_pattern:"
            + " a}]|optional_always[0].artifact_class must be one of input",
        "mission_type: x\\n"
            + "optional_always: [{artifact_key: k, artifact_class:"
            + " input}]|optional_always[0].path_pattern is required",
        "mission_type: x\\n"
            + "optional_always: [{artifact_key: k, artifact_class: input, path_pattern: a,"
            + " blocking: maybe}]|optional_always[0].blocking must be true or false",
        "mission_type: x\\n"
            + "optional_always: [{artifact_key: {a: 1}, artifact_class: input, path_pattern:"
            + " a}]|optional_always[0].artifact_key must be a scalar",
        "mission_type: x\\n"
            + "optional_always: [{artifact_key: k, artifact_class: input, path_pattern:"
            + " ../a}]|path_pattern must be a non-blank '/'-separated relative pattern"
      })
  void malformedManifestsFailNamingTheFileAndField(String yaml, String expected) {
    Path file = write(yaml.replace("\\n", "\n"));

    assertThatThrownBy(() -> ManifestLoader.load(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(expected);
  }

  @Test
  void aMissingFileIsAManifestExceptionNamingIt() {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> ManifestLoader.load(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("cannot read expected-artifact manifest " + file);
  }
}
