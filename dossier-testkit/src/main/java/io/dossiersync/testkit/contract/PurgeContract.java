package io.dossiersync.testkit.contract;

import static io.dossiersync.testkit.contract.ContractFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.PurgeCount;
import io.dossiersync.core.queue.PurgeScope;
import io.dossiersync.core.queue.Settlement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Purge rules ({@code dossier purge}): the pending tasks of a project, or of a feature slug in
 * every project, are deleted from both queues, leased ones included; a dry run only counts; failure
 * records are not touched.
 *
 * @since 0.1.0
 */
public interface PurgeContract extends ContractFixture {

  /** Purge by project or by feature; the dry run counts the same tasks and deletes none. */
  @Test
  default void purgeDeletesPendingTasksOfAProjectOrFeatureAndDryRunOnlyCounts() {
    store().bodies().enqueue(bodies(NS_A, 2), T0);
    store().bodies().enqueue(List.of(body(NS_A2, "c.md", 3), body(NS_B, "a.md", 4)), T0);
    store().events().enqueue(List.of(event(NS_A, null), event(NS_B, null)), T0);
    store().bodies().claim(request(1, T0, "leased-tasks-are-purged-too"));
    assertThat(store().purge(PurgeScope.project(PROJECT_A), true)).isEqualTo(new PurgeCount(1, 3));
    assertThat(store().bodies().pending(ProjectScope.all())).isEqualTo(4);
    assertThat(store().purge(PurgeScope.feature("047-alpha"), false))
        .isEqualTo(new PurgeCount(2, 3));
    assertThat(store().bodies().projects()).containsExactly(PROJECT_A);
    assertThat(store().events().pending(ProjectScope.all())).isZero();
  }

  /** A purged leased task can no longer be completed; failure records survive a purge. */
  @Test
  default void purgeFencesOutLeasesAndKeepsFailureRecords() {
    failBody(body(NS_A, "failed.md", 9), T0);
    store().bodies().enqueue(List.of(body(NS_A, "spec.md", 1)), T0);
    ClaimedBody leased = store().bodies().claim(request(1, T0, "d")).get(0);
    assertThat(store().purge(PurgeScope.project(PROJECT_A), false)).isEqualTo(new PurgeCount(0, 1));
    assertThat(store().bodies().settle(List.of(Settlement.complete(leased, T0)))).isEmpty();
    assertThat(store().failures().count()).isEqualTo(1);
    assertThat(store().purge(PurgeScope.project(PROJECT_B), false)).isEqualTo(new PurgeCount(0, 0));
  }
}
