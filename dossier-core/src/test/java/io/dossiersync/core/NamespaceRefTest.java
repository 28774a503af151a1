package io.dossiersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceRefTest {

  private static final String UUID = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";

  private static NamespaceRef ns(String uuid, String slug, String branch, String key, String v) {
    return new NamespaceRef(uuid, slug, branch, key, v);
  }

  @Test
  void normalisesTheUuidToLowerCaseAndKeepsTheOtherFields() {
    NamespaceRef ref =
        ns(
            " " + UUID.toUpperCase(java.util.Locale.ROOT) + " ",
            "047-x",
            "main",
            "software-dev",
            "1");

    assertThat(ref.projectUuid()).isEqualTo(UUID);
    assertThat(ref.featureSlug()).isEqualTo("047-x");
    assertThat(ref.targetBranch()).isEqualTo("main");
    assertThat(ref.missionKey()).isEqualTo("software-dev");
    assertThat(ref.manifestVersion()).isEqualTo("1");
  }

  @Test
  void equalityIsOverAllFiveFields() {
    NamespaceRef a = ns(UUID, "a-1", "main", "software-dev", "1");

    assertThat(a)
        .isEqualTo(ns(UUID.toUpperCase(java.util.Locale.ROOT), "a-1", "main", "software-dev", "1"));
    assertThat(a).isNotEqualTo(ns(UUID, "a-1", "main", "software-dev", "2"));
    assertThat(a).isNotEqualTo(ns(UUID, "a-1", "dev", "software-dev", "1"));
    assertThat(a.withManifestVersion("2")).isEqualTo(ns(UUID, "a-1", "main", "software-dev", "2"));
    assertThat(a.toString()).contains(UUID, "a-1", "main", "software-dev");
  }

  @ParameterizedTest
  @ValueSource(strings = {"047-some-name", "some-name-01KT5YTQ", "a", "9", "A-b-C"})
  void acceptsBothSlugForms(String slug) {
    assertThat(ns(UUID, slug, "main", "k", "1").featureSlug()).isEqualTo(slug);
    assertThat(NamespaceRef.isValidSlug(slug)).isTrue();
  }

  @Test
  void slugOf200CharactersIsAcceptedAnd201Rejected() {
    String ok = "a".repeat(200);
    assertThat(ns(UUID, ok, "main", "k", "1").featureSlug()).hasSize(200);
    assertThatThrownBy(() -> ns(UUID, ok + "b", "main", "k", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid namespace: feature_slug must be at most 200 characters, got 201");
    assertThat(NamespaceRef.isValidSlug(ok + "b")).isFalse();
    assertThat(NamespaceRef.isValidSlug(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "-leading|feature_slug must hold only letters, digits and '-' and start with a letter or"
            + " digit, got '-leading'",
        "has space|feature_slug must hold only letters, digits and '-'",
        "under_score|feature_slug must hold only letters, digits and '-'",
        "dot.ted|feature_slug must hold only letters, digits and '-'"
      })
  void rejectsBadSlugsNamingTheFieldAndRule(String slug, String message) {
    assertThatThrownBy(() -> ns(UUID, slug, "main", "k", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid namespace: " + message);
  }

  @Test
  void rejectsMissingAndMalformedUuids() {
    assertThatThrownBy(() -> ns(null, "a", "main", "k", "1"))
        .hasMessageStartingWith("invalid namespace: project_uuid is required");
    assertThatThrownBy(() -> ns("  ", "a", "main", "k", "1"))
        .hasMessageStartingWith("invalid namespace: project_uuid is required");
    assertThatThrownBy(() -> ns("not-a-uuid", "a", "main", "k", "1"))
        .hasMessage(
            "invalid namespace: project_uuid must be a UUID in 8-4-4-4-12 hex form, got"
                + " 'not-a-uuid'");
  }

  @Test
  void rejectsEmptySlugAndBadBranches() {
    assertThatThrownBy(() -> ns(UUID, "", "main", "k", "1"))
        .hasMessage("invalid namespace: feature_slug is required");
    assertThatThrownBy(() -> ns(UUID, "a", " ", "k", "1"))
        .hasMessage("invalid namespace: target_branch is required and must not be blank");
    assertThatThrownBy(() -> ns(UUID, "a", "feat/x y", "k", "1"))
        .hasMessage(
            "invalid namespace: target_branch must not contain whitespace or control characters,"
                + " got 'feat/x y'");
    assertThatThrownBy(() -> ns(UUID, "a", "feat\u0007x", "k", "1"))
        .hasMessageContaining("got 'feat\\u0007x'");
  }

  @Test
  void rejectsBlankMissionKeyAndManifestVersion() {
    assertThatThrownBy(() -> ns(UUID, "a", "main", " ", "1"))
        .hasMessage("invalid namespace: mission_key is required and must not be blank");
    assertThatThrownBy(() -> ns(UUID, "a", "main", "k", null))
        .hasMessage("invalid namespace: manifest_version is required and must not be blank");
  }

  @Test
  void longBadValuesAreTruncatedInTheMessage() {
    String slug = "_" + "x".repeat(100);
    assertThatThrownBy(() -> ns(UUID, slug, "main", "k", "1")).hasMessageEndingWith("...'");
  }
}
