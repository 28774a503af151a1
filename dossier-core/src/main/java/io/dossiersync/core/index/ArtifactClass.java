package io.dossiersync.core.index;

import java.util.Locale;
import java.util.Optional;

/**
 * The role of an artifact in the mission lifecycle (PRODUCT.md §2, {@code artifact_class}).
 *
 * @since 0.1.0
 */
public enum ArtifactClass {
  /** What the mission starts from, e.g. {@code spec.md}. */
  INPUT,
  /** Working material of the mission, e.g. work package files. */
  WORKFLOW,
  /** What the mission produces, e.g. {@code plan.md}, {@code tasks.md}. */
  OUTPUT,
  /** Supporting material, e.g. {@code research.md}. */
  EVIDENCE,
  /** Rules that govern the mission. */
  POLICY,
  /** Files written by tools at run time, e.g. {@code lint-report.json}. */
  RUNTIME,
  /** Anything else. */
  OTHER;

  /**
   * The lower-case wire name used in manifests and events.
   *
   * @return e.g. {@code evidence}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a class up by its wire name (exact, lower-case).
   *
   * @param wireName e.g. {@code output}
   * @return the class, empty when the name is unknown
   */
  public static Optional<ArtifactClass> fromWireName(String wireName) {
    for (ArtifactClass value : values()) {
      if (value.wireName().equals(wireName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
