package io.dossiersync.core.checkout;

import java.util.Objects;
import java.util.Optional;

/**
 * Namespace fields given explicitly (CLI flags, host arguments); each one present wins over what
 * the checkout says (PRODUCT.md §9). The feature slug is always the directory name. Immutable.
 *
 * @param projectUuid overrides {@code project.uuid} of {@code .kittify/config.yaml}
 * @param targetBranch overrides {@code target_branch} of {@code meta.json}
 * @param missionKey overrides {@code mission_type} / {@code mission} of {@code meta.json}
 * @param manifestVersion overrides the manifest's {@code manifest_version}
 * @since 0.1.0
 */
public record NamespaceOverrides(
    Optional<String> projectUuid,
    Optional<String> targetBranch,
    Optional<String> missionKey,
    Optional<String> manifestVersion) {

  /** Checks that no field is null. */
  public NamespaceOverrides {
    Objects.requireNonNull(projectUuid, "projectUuid");
    Objects.requireNonNull(targetBranch, "targetBranch");
    Objects.requireNonNull(missionKey, "missionKey");
    Objects.requireNonNull(manifestVersion, "manifestVersion");
  }

  /**
   * No overrides: everything is read from the checkout.
   *
   * @return empty overrides
   */
  public static NamespaceOverrides none() {
    return new NamespaceOverrides(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A copy with the project UUID given.
   *
   * @param value the project UUID
   * @return new overrides
   */
  public NamespaceOverrides withProjectUuid(String value) {
    return new NamespaceOverrides(Optional.of(value), targetBranch, missionKey, manifestVersion);
  }

  /**
   * A copy with the target branch given.
   *
   * @param value the target branch
   * @return new overrides
   */
  public NamespaceOverrides withTargetBranch(String value) {
    return new NamespaceOverrides(projectUuid, Optional.of(value), missionKey, manifestVersion);
  }

  /**
   * A copy with the mission key given.
   *
   * @param value the mission key
   * @return new overrides
   */
  public NamespaceOverrides withMissionKey(String value) {
    return new NamespaceOverrides(projectUuid, targetBranch, Optional.of(value), manifestVersion);
  }

  /**
   * A copy with the manifest version given.
   *
   * @param value the manifest version
   * @return new overrides
   */
  public NamespaceOverrides withManifestVersion(String value) {
    return new NamespaceOverrides(projectUuid, targetBranch, missionKey, Optional.of(value));
  }
}
