package io.dossiersync.core.queue;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which projects an operation covers: every project in the queue, or a given set of project UUIDs
 * (consent, {@code dossier drain --project}). Immutable.
 *
 * @since 0.1.0
 */
public final class ProjectScope {

  private static final ProjectScope ALL = new ProjectScope(null);

  private final SortedSet<String> projects;

  private ProjectScope(SortedSet<String> projects) {
    this.projects = projects;
  }

  /**
   * Every project.
   *
   * @return the scope that includes every project
   */
  public static ProjectScope all() {
    return ALL;
  }

  /**
   * Only the given projects; an empty collection covers nothing.
   *
   * @param projectUuids the project UUIDs (lower-case canonical form)
   * @return a scope that includes exactly these projects
   */
  public static ProjectScope of(Collection<String> projectUuids) {
    return new ProjectScope(
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(projectUuids)));
  }

  /**
   * The projects covered, or empty when every project is.
   *
   * @return the explicit set, if this scope is not {@link #all()}
   */
  public Optional<Set<String>> projects() {
    return Optional.ofNullable(projects);
  }

  /**
   * Tells whether a project is in scope.
   *
   * @param projectUuid a project UUID
   * @return true when the scope covers it
   */
  public boolean includes(String projectUuid) {
    return projects == null || projects.contains(projectUuid);
  }

  /**
   * Tells whether this scope covers nothing at all.
   *
   * @return true for an explicit, empty set
   */
  public boolean isEmpty() {
    return projects != null && projects.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectScope other && java.util.Objects.equals(projects, other.projects);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(projects);
  }

  @Override
  public String toString() {
    return projects == null ? "ProjectScope[all]" : "ProjectScope" + projects;
  }
}
