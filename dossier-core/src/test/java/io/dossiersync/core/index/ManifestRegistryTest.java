package io.dossiersync.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestRegistryTest {

  @Test
  void builtInsCoverTheFourMissionTypesAtVersionOne() {
    ManifestRegistry registry = ManifestRegistry.builtIn();

    assertThat(registry.missionTypes())
        .containsExactlyInAnyOrder("software-dev", "research", "documentation", "plan");
    for (String type : ManifestRegistry.BUILT_IN_MISSION_TYPES) {
      ExpectedArtifactManifest manifest = registry.find(type).orElseThrow();
      assertThat(manifest.missionType()).isEqualTo(type);
      assertThat(manifest.manifestVersion()).isEqualTo("1");
    }
    assertThat(registry.find("unknown-type")).isEmpty();
  }

  @Test
  void softwareDevClassifiesLikeSpecKitty() {
    ExpectedArtifactManifest dev = ManifestRegistry.builtIn().find("software-dev").orElseThrow();

    assertThat(dev.classify("spec.md"))
        .contains(new ArtifactSpec("input.spec.main", ArtifactClass.INPUT, "spec.md", true));
    assertThat(dev.classify("tasks/WP07-x.md"))
        .map(ArtifactSpec::artifactKey)
        .contains("output.tasks.per_wp");
    assertThat(dev.classify("lint-report.json"))
        .map(ArtifactSpec::artifactClass)
        .contains(ArtifactClass.RUNTIME);
    assertThat(dev.requiredAt(Optional.of("specify")))
        .extracting(ArtifactSpec::pathPattern)
        .containsExactly("spec.md");
    assertThat(dev.isRequiredKey("evidence.research")).isFalse();
  }

  @Test
  void aHostManifestReplacesOrAddsAMissionType() {
    ExpectedArtifactManifest custom =
        new ExpectedArtifactManifest(
            "1.0", "software-dev", "7", List.of(), java.util.Map.of(), List.of());

    ManifestRegistry registry = ManifestRegistry.builtIn().with(custom);

    assertThat(registry.find("software-dev")).contains(custom);
    assertThat(registry.find("research")).isPresent();
    assertThat(ManifestRegistry.builtIn().find("software-dev").orElseThrow().manifestVersion())
        .isEqualTo("1");
    assertThat(ManifestRegistry.of(List.of(custom)).missionTypes()).containsExactly("software-dev");
  }

  @ParameterizedTest
  @ValueSource(strings = {"software-dev", "research", "documentation", "plan"})
  void builtInsEqualTheCorpusManifests(String type) {
    Path corpusFile =
        Corpus.root()
            .resolve("packs/built-in/missions")
            .resolve(type)
            .resolve("expected-artifacts.yaml");

    ExpectedArtifactManifest upstream = ManifestLoader.load(corpusFile);

    assertThat(ManifestRegistry.builtIn().find(type)).contains(upstream);
  }
}
