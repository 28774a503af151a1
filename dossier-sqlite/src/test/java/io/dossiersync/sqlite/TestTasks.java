package io.dossiersync.sqlite;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.queue.ProjectScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The instant, namespaces, claim requests and events that the SQLite store's tests (and the child
 * JVMs they start) share. Stateless.
 */
final class TestTasks {

  /** The instant the tests start from. */
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** The project of every namespace of these tests. */
  static final String PROJECT = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";

  /** Feature {@code 047-alpha} of {@link #PROJECT}. */
  static final NamespaceRef NS = namespace("047-alpha");

  private TestTasks() {}

  /**
   * A feature of {@link #PROJECT} on branch {@code main}, mission {@code software-dev}, manifest
   * version {@code 1}.
   *
   * @param featureSlug the feature
   * @return the namespace
   */
  static NamespaceRef namespace(String featureSlug) {
    return new NamespaceRef(PROJECT, featureSlug, "main", "software-dev", "1");
  }

  /**
   * A claim of every project that does not hold bodies back for pending events.
   *
   * @param maxTasks the most tasks
   * @param now the claim time
   * @param lease how long the claim holds
   * @param owner the lease owner
   * @return the request
   */
  static ClaimRequest claimAll(int maxTasks, Instant now, Duration lease, String owner) {
    return new ClaimRequest(maxTasks, now, lease, owner, ProjectScope.all(), false);
  }

  /**
   * A {@code MissionDossierSnapshotComputed} event with a fixed id, aggregate {@code <slug>:s1}, no
   * coalesce key and payload {@code {}}.
   *
   * @param namespace its namespace
   * @return the event
   */
  static EventRecord snapshotEvent(NamespaceRef namespace) {
    return new EventRecord(
        "01KT5YTQ0000000000000000EV",
        "MissionDossierSnapshotComputed",
        namespace.featureSlug() + ":s1",
        namespace,
        Optional.empty(),
        "{}");
  }
}
