package io.dossiersync.core.queue;

import java.util.Objects;

/**
 * What {@link QueueStore#purge} deletes: the pending tasks of one project, or of one feature slug
 * (in every project).
 *
 * @param projectUuid the project whose tasks go, or {@code null}
 * @param featureSlug the feature whose tasks go, or {@code null}
 * @since 0.1.0
 */
public record PurgeScope(String projectUuid, String featureSlug) {

  /** Checks that exactly one of the two is given. */
  public PurgeScope {
    if ((projectUuid == null) == (featureSlug == null)) {
      throw new IllegalArgumentException("give exactly one of a project UUID or a feature slug");
    }
  }

  /**
   * The tasks of one project.
   *
   * @param projectUuid the project UUID
   * @return the scope
   */
  public static PurgeScope project(String projectUuid) {
    return new PurgeScope(Objects.requireNonNull(projectUuid, "projectUuid"), null);
  }

  /**
   * The tasks of one feature.
   *
   * @param featureSlug the feature slug
   * @return the scope
   */
  public static PurgeScope feature(String featureSlug) {
    return new PurgeScope(null, Objects.requireNonNull(featureSlug, "featureSlug"));
  }
}
