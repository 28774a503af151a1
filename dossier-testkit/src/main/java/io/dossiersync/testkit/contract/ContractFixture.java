package io.dossiersync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.QueueStore;
import io.dossiersync.core.queue.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * What every area of the queue store contract stands on: the store under test, fresh stores of a
 * chosen capacity, task factories and the shared constants. {@code QueueStoreContract} implements
 * it; the area interfaces extend it.
 *
 * <p>All times are whole milliseconds (a durable store may keep no more), and the store sees time
 * only through the instants passed to it.
 *
 * @since 0.1.0
 */
public interface ContractFixture {

  /** The instant every test starts from. */
  Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** The lease duration of the claims of this suite. */
  Duration LEASE = Duration.ofSeconds(60);

  /** A first project. */
  String PROJECT_A = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";

  /** A second project. */
  String PROJECT_B = "1f0c5a52-3c3e-4a43-9d55-0c8d2f3e8b11";

  /** A feature of project A. */
  NamespaceRef NS_A = ns(PROJECT_A, "047-alpha", "main");

  /** Another feature of project A. */
  NamespaceRef NS_A2 = ns(PROJECT_A, "beta-01KT5YTQ", "main");

  /** The same feature slug as {@link #NS_A} in project B. */
  NamespaceRef NS_B = ns(PROJECT_B, "047-alpha", "main");

  /**
   * The store of the running test, with a capacity of 1,000 tasks per queue.
   *
   * @return a store no other test uses
   */
  QueueStore store();

  /**
   * Opens one more fresh store for the running test; it is destroyed after the test.
   *
   * @param maxQueueSize the capacity of each queue
   * @return a new, empty store
   */
  QueueStore open(int maxQueueSize);

  /**
   * A body task with a fresh ULID-shaped upload id and a non-ASCII body.
   *
   * @param namespace its namespace
   * @param path its artifact path
   * @param hashSeed the seed of {@link #hash(int)}
   * @return the task
   */
  BodyUploadTask body(NamespaceRef namespace, String path, int hashSeed);

  /**
   * An {@code ArtifactIndexed}-shaped event (payload {@code relative_path} {@code spec.md}, no
   * hash) with a fresh ULID-shaped id.
   *
   * @param namespace its namespace
   * @param coalesceKey its coalesce key, or null for none
   * @return the event
   */
  EventRecord event(NamespaceRef namespace, @Nullable String coalesceKey);

  /**
   * Bodies of one namespace at the paths {@code a.md}, {@code b.md}, … with hash seeds 1, 2, …
   *
   * @param namespace their namespace
   * @param count how many, at most 26
   * @return the tasks, in path order
   */
  default List<BodyUploadTask> bodies(NamespaceRef namespace, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> body(namespace, (char) ('a' + i) + ".md", i + 1))
        .toList();
  }

  /**
   * A valid namespace with mission {@code software-dev} and manifest version {@code 1}.
   *
   * @param project the project UUID
   * @param slug the feature slug
   * @param branch the target branch
   * @return the namespace
   */
  static NamespaceRef ns(String project, String slug, String branch) {
    return new NamespaceRef(project, slug, branch, "software-dev", "1");
  }

  /**
   * A 64-hex-digit stand-in for a content hash.
   *
   * @param n any number
   * @return {@code n} as 64 lower-case hex digits
   */
  static String hash(int n) {
    return String.format(Locale.ROOT, "%064x", n);
  }

  /**
   * The claimed task again under a lease the store never granted (owner {@code intruder}), for
   * showing that every state change is fenced by the lease owner.
   *
   * @param claimed a task as the store claimed it
   * @return the same task with a forged lease
   */
  static ClaimedBody forged(ClaimedBody claimed) {
    return new ClaimedBody(claimed.task(), 0, T0, new Lease("intruder", T0.plus(LEASE)));
  }

  /**
   * A claim of every project, without holding bodies for events.
   *
   * @param maxTasks the most tasks
   * @param now the claim time
   * @param owner the lease owner
   * @return the request, with lease {@link #LEASE}
   */
  static ClaimRequest request(int maxTasks, Instant now, String owner) {
    return new ClaimRequest(maxTasks, now, LEASE, owner, ProjectScope.all(), false);
  }

  /**
   * A claim of up to 100 tasks at {@link #T0} by owner {@code scoped}.
   *
   * @param scope the projects to claim from
   * @param hold whether bodies of namespaces with pending events are held back
   * @return the request
   */
  static ClaimRequest scoped(ProjectScope scope, boolean hold) {
    return new ClaimRequest(100, T0, LEASE, "scoped", scope, hold);
  }

  /**
   * Enqueues a body at {@link #T0}, claims it at {@code at} and fails it ({@code http_400}).
   *
   * @param task the task
   * @param at the claim and failure time
   */
  default void failBody(BodyUploadTask task, Instant at) {
    store().bodies().enqueue(List.of(task), T0);
    ClaimedBody claimed = store().bodies().claim(request(1, at, "f")).get(0);
    assertThat(store().bodies().settle(List.of(Settlement.fail(claimed, "http_400", at))))
        .hasSize(1);
  }
}
