package io.dossiersync.core.watch;

import io.dossiersync.core.drain.SyncConsent;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The consent of a watch (PRODUCT.md §5 DS-05, §6): the projects of the features a {@link
 * DossierWatcher} synced, growing as it picks up new features. Hand the same object to the watcher
 * and to the drain engine that delivers for it, so the drain sends exactly the watched projects.
 * Thread-safe.
 *
 * <pre>{@code
 * WatchedProjects projects = new WatchedProjects();
 * DrainEngine engine = DrainEngine.builder().consent(projects)...build();
 * DossierWatcher watcher = DossierWatcher.builder().projects(projects)...build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WatchedProjects implements SyncConsent {

  private final Set<String> projects = new ConcurrentSkipListSet<>();

  /** An empty set: no project may leave the machine until a feature of it is synced. */
  public WatchedProjects() {}

  /**
   * Adds a project.
   *
   * @param projectUuid a project UUID, lower-case canonical form
   */
  public void add(String projectUuid) {
    projects.add(Objects.requireNonNull(projectUuid, "projectUuid"));
  }

  @Override
  public boolean allows(String projectUuid) {
    return projects.contains(projectUuid);
  }

  /**
   * The projects so far.
   *
   * @return a sorted copy
   */
  public SortedSet<String> snapshot() {
    return new TreeSet<>(projects);
  }
}
