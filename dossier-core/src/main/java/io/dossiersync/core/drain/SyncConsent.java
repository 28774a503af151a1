package io.dossiersync.core.drain;

import java.util.Objects;
import java.util.Set;

/**
 * Whether a project's tasks may leave the machine (PRODUCT.md §5, DS-05). The drain asks before it
 * claims anything: tasks of a project that is not allowed are never claimed, never sent, and stay
 * in the queue untouched.
 *
 * <p>Implementations are thread-safe and fast (asked once per project per drain round). An
 * exception from {@link #allows} counts as "not allowed".
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SyncConsent {

  /**
   * Tells whether a project may be synced.
   *
   * @param projectUuid a project UUID, lower-case canonical form
   * @return true when its tasks may be sent
   */
  boolean allows(String projectUuid);

  /**
   * Consent for every project: the default, for hosts that queue only projects they configured.
   *
   * @return a consent that allows every project
   */
  static SyncConsent allowAll() {
    return projectUuid -> true;
  }

  /**
   * Consent for the given projects only (the CLI: the projects of the checkouts it synced plus any
   * {@code --project}).
   *
   * @param projectUuids the allowed project UUIDs, lower-case canonical form; copied
   * @return a consent that allows exactly these projects
   */
  static SyncConsent only(Set<String> projectUuids) {
    Set<String> allowed = Set.copyOf(Objects.requireNonNull(projectUuids, "projectUuids"));
    return allowed::contains;
  }
}
