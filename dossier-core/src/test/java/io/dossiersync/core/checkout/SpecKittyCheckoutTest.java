package io.dossiersync.core.checkout;

import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.NamespaceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecKittyCheckoutTest {

  private static final String UUID = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";

  @TempDir Path checkout;
  @TempDir Path elsewhere;
  private Path feature;
  private final SpecKittyCheckout reader = new SpecKittyCheckout();

  @BeforeEach
  void setUp() throws Exception {
    write(
        checkout,
        ".kittify/config.yaml",
        "project:\n  uuid: " + UUID.toUpperCase(java.util.Locale.ROOT) + "\n  slug: x\n");
    feature = Files.createDirectories(checkout.resolve("kitty-specs/047-feature"));
  }

  private void meta(String json) {
    write(feature, "meta.json", json);
  }

  @Test
  void readsTheNewFieldNames() {
    meta(
        "{\"mission_slug\":\"047-feature\",\"slug\":\"047-feature\",\"mission_type\":\"research\",\"target_branch\":\"main\"}");

    CheckoutNamespace result = reader.read(feature);

    assertThat(result.namespace())
        .isEqualTo(new NamespaceRef(UUID, "047-feature", "main", "research", "1"));
    assertThat(result.projectRoot()).contains(checkout.toAbsolutePath().normalize());
    assertThat(result.missionType()).isEqualTo("research");
    assertThat(result.manifest()).isPresent();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void readsTheOldFieldNamesAndWarnsAboutADifferentSlug() {
    meta(
        "{\"feature_slug\":\"047-old-name\",\"mission\":\"documentation\",\"target_branch\":\"develop\"}");

    CheckoutNamespace result = reader.read(feature);

    assertThat(result.namespace().missionKey()).isEqualTo("documentation");
    assertThat(result.namespace().featureSlug()).isEqualTo("047-feature");
    assertThat(result.namespace().targetBranch()).isEqualTo("develop");
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains(
            "meta.json",
            "feature_slug '047-old-name' differs from the directory name '047-feature'");
  }

  @Test
  void missionKeyDefaultsToSoftwareDevAndANonStringSlugIsOnlyAWarning() {
    meta("{\"target_branch\":\"main\",\"slug\":7,\"mission_type\":\"\"}");

    CheckoutNamespace result = reader.read(feature);

    assertThat(result.namespace().missionKey()).isEqualTo("software-dev");
    assertThat(result.warnings()).singleElement().asString().contains("slug is not a string");
  }

  @Test
  void theNearestStrictAncestorWinsAndTheFeaturesOwnKittifyIsIgnored() {
    String inner = "11111111-2222-3333-4444-555555555555";
    write(
        feature,
        ".kittify/config.yaml",
        "project:\n  uuid: 99999999-2222-3333-4444-555555555555\n");
    write(checkout, "kitty-specs/.kittify/config.yaml", "project:\n  uuid: " + inner + "\n");
    meta("{\"target_branch\":\"main\"}");

    CheckoutNamespace result = reader.read(feature);

    assertThat(result.namespace().projectUuid()).isEqualTo(inner);
    assertThat(result.projectRoot())
        .contains(checkout.resolve("kitty-specs").toAbsolutePath().normalize());
  }

  @Test
  void aCustomMissionTypeTakesItsManifestVersionFromTheCheckoutPacks() {
    write(
        checkout,
        "packs/built-in/missions/custom/expected-artifacts.yaml",
        "mission_type: custom\nmanifest_version: \"4\"\n");
    meta("{\"target_branch\":\"main\",\"mission_type\":\"custom\"}");

    CheckoutNamespace result = reader.read(feature);

    assertThat(result.namespace().manifestVersion()).isEqualTo("4");
    assertThat(result.manifest()).isPresent();
  }

  @Test
  void anUnknownMissionTypeWithoutManifestIsVersionOne() {
    meta("{\"target_branch\":\"main\",\"mission_type\":\"../../etc\"}");

    CheckoutNamespace result = reader.read(feature);

    assertThat(result.namespace().manifestVersion()).isEqualTo("1");
    assertThat(result.manifest()).isEmpty();
  }

  @Test
  void overridesWinAndSkipFilesTheyMakeUnnecessary() throws Exception {
    Path bare = Files.createDirectories(elsewhere.resolve("some-name-01KT5YTQ"));
    NamespaceOverrides overrides =
        NamespaceOverrides.none()
            .withProjectUuid(UUID)
            .withTargetBranch("release/1.0")
            .withMissionKey("plan")
            .withManifestVersion("9");

    CheckoutNamespace result = reader.read(bare, overrides);

    assertThat(result.namespace())
        .isEqualTo(new NamespaceRef(UUID, "some-name-01KT5YTQ", "release/1.0", "plan", "9"));
    assertThat(result.projectRoot()).isEmpty();
  }

  @Test
  void aBadMalformedOrMissingFileNamesTheFileAndField() {
    assertThatThrownBy(() -> reader.read(feature))
        .isInstanceOf(CheckoutException.class)
        .hasMessageContaining("missing file " + feature.resolve("meta.json"));

    meta("{\"mission_type\":\"software-dev\"}");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining(
            "field target_branch is missing or blank in " + feature.resolve("meta.json"));

    meta("{\"target_branch\": 5}");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining(
            "field target_branch in " + feature.resolve("meta.json") + " must be a string");

    meta("{\"target_branch\": \"main\", \"mission_type\": [1]}");
    assertThatThrownBy(() -> reader.read(feature)).hasMessageContaining("field mission_type in");

    meta("{not json");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining("cannot parse " + feature.resolve("meta.json") + " as JSON");

    meta("[]");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining("top level must be a mapping");

    meta("{\"target_branch\": \"has space\"}");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining("target_branch must not contain whitespace")
        .hasMessageContaining(feature.toString());
  }

  @Test
  void aBadConfigFileNamesTheFileAndField() {
    meta("{\"target_branch\":\"main\"}");
    Path config = checkout.resolve(".kittify/config.yaml");

    write(checkout, ".kittify/config.yaml", "project:\n  slug: x\n");
    assertThatThrownBy(() -> reader.read(feature))
        .isInstanceOf(CheckoutException.class)
        .hasMessageContaining("field project.uuid is missing or blank in " + config);

    write(checkout, ".kittify/config.yaml", "project: [1, 2]\n");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining("field project.uuid in " + config + " must be a string");

    write(checkout, ".kittify/config.yaml", "project:\n  uuid: {a: 1}\n");
    assertThatThrownBy(() -> reader.read(feature)).hasMessageContaining("must be a string");

    write(checkout, ".kittify/config.yaml", "project: [unclosed\n");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining("cannot parse " + config + " as YAML");

    write(checkout, ".kittify/config.yaml", "project:\n  uuid: nope\n");
    assertThatThrownBy(() -> reader.read(feature))
        .hasMessageContaining("project_uuid must be a UUID");
  }

  @Test
  void noProjectRootOrFeatureDirectoryIsAClearError() throws Exception {
    Path lonely = Files.createDirectories(elsewhere.resolve("047-x"));
    write(lonely, "meta.json", "{\"target_branch\":\"main\"}");

    assertThatThrownBy(() -> reader.read(lonely))
        .isInstanceOf(CheckoutException.class)
        .hasMessageContaining("no .kittify/config.yaml in any parent directory of " + lonely)
        .hasMessageContaining("give the project UUID explicitly");
    assertThatThrownBy(() -> reader.read(lonely.resolve("absent")))
        .hasMessageContaining("does not exist or is not a directory");
  }

  @Test
  void aMalformedPackManifestIsACheckoutError() {
    write(checkout, "packs/built-in/missions/custom/expected-artifacts.yaml", "mission_type: [\n");
    meta("{\"target_branch\":\"main\",\"mission_type\":\"custom\"}");

    assertThatThrownBy(() -> reader.read(feature))
        .isInstanceOf(CheckoutException.class)
        .hasMessageContaining("expected-artifacts.yaml");
  }
}
