package io.dossiersync.core;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The five-field namespace every artifact body and dossier event belongs to (PRODUCT.md §2).
 *
 * <p>All five fields are required. Construction validates them and fails with an {@link
 * IllegalArgumentException} whose message names the field and the rule, so a caller can print it as
 * it is. {@code project_uuid} is normalised to the lower-case canonical UUID form; the other fields
 * are kept as given. Immutable and thread-safe; equality is over all five fields.
 *
 * @param projectUuid the project's UUID, canonical lower-case form
 * @param featureSlug the feature directory name: letters, digits and {@code -}, starting with a
 *     letter or digit, at most 200 characters ({@code 047-some-name}, {@code some-name-01KT5YTQ})
 * @param targetBranch the branch the feature targets: non-blank, no whitespace or control chars
 * @param missionKey the mission type key, e.g. {@code software-dev}: non-blank
 * @param manifestVersion the expected-artifact manifest version, e.g. {@code 1}: non-blank
 * @since 0.1.0
 */
public record NamespaceRef(
    String projectUuid,
    String featureSlug,
    String targetBranch,
    String missionKey,
    String manifestVersion) {

  /** The longest feature slug accepted. */
  public static final int MAX_SLUG_LENGTH = 200;

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Validates and normalises the five fields; see the class comment for the rules. */
  public NamespaceRef {
    projectUuid = canonicalUuid(projectUuid);
    requireSlug(featureSlug);
    requireBranch(targetBranch);
    missionKey = requireNonBlank("mission_key", missionKey);
    manifestVersion = requireNonBlank("manifest_version", manifestVersion);
  }

  /**
   * Tells whether {@code slug} is a valid feature slug, without throwing.
   *
   * @param slug the candidate, may be {@code null}
   * @return true when {@code slug} satisfies the {@code feature_slug} rule
   */
  public static boolean isValidSlug(String slug) {
    return slug != null && slug.length() <= MAX_SLUG_LENGTH && SLUG.matcher(slug).matches();
  }

  private static String canonicalUuid(String value) {
    if (value == null || value.isBlank()) {
      throw invalid(
          "project_uuid", "is required (a UUID such as 8a4a7da6-a97c-4bb4-893a-b31664abfee4)");
    }
    String trimmed = value.trim();
    if (!UUID_TEXT.matcher(trimmed).matches()) {
      throw invalid(
          "project_uuid", "must be a UUID in 8-4-4-4-12 hex form, got '" + printable(value) + "'");
    }
    return UUID.fromString(trimmed).toString().toLowerCase(Locale.ROOT);
  }

  private static void requireSlug(String slug) {
    if (slug == null || slug.isEmpty()) {
      throw invalid("feature_slug", "is required");
    }
    if (slug.length() > MAX_SLUG_LENGTH) {
      throw invalid(
          "feature_slug",
          "must be at most " + MAX_SLUG_LENGTH + " characters, got " + slug.length());
    }
    if (!SLUG.matcher(slug).matches()) {
      throw invalid(
          "feature_slug",
          "must hold only letters, digits and '-' and start with a letter or digit, got '"
              + printable(slug)
              + "'");
    }
  }

  private static void requireBranch(String branch) {
    requireNonBlank("target_branch", branch);
    for (int i = 0; i < branch.length(); i++) {
      char c = branch.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw invalid(
            "target_branch",
            "must not contain whitespace or control characters, got '" + printable(branch) + "'");
      }
    }
  }

  private static String requireNonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "is required and must not be blank");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String field, String rule) {
    return new IllegalArgumentException("invalid namespace: " + field + " " + rule);
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(80)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return value.codePointCount(0, value.length()) > 80 ? out + "..." : out.toString();
  }

  /**
   * A copy with another manifest version (the checkout reader learns it from the manifest).
   *
   * @param version the new manifest version, non-blank
   * @return a new namespace, this one unchanged
   */
  public NamespaceRef withManifestVersion(String version) {
    return new NamespaceRef(projectUuid, featureSlug, targetBranch, missionKey, version);
  }

  @Override
  public String toString() {
    return projectUuid
        + "/"
        + featureSlug
        + "@"
        + targetBranch
        + " ("
        + missionKey
        + " v"
        + Objects.toString(manifestVersion)
        + ")";
  }
}
