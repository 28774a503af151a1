package io.dossiersync.core.queue;

import io.dossiersync.core.NamespaceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Tasks, events and claims for queue and drain tests. */
public final class QueueTestData {

  /** The first project of the tests. */
  public static final String PROJECT_A = "8a4a7da6-a97c-4bb4-893a-b31664abfee4";

  /** A second project. */
  public static final String PROJECT_B = "11111111-2222-4333-8444-555555555555";

  /** A fixed start time. */
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final AtomicInteger IDS = new AtomicInteger();

  private QueueTestData() {}

  /** A namespace of a project and feature. */
  public static NamespaceRef namespace(String project, String feature) {
    return new NamespaceRef(project, feature, "main", "software-dev", "1");
  }

  /** A body task of the feature {@code 001-feature} of project A. */
  public static BodyUploadTask body(String path, String hash) {
    return body(namespace(PROJECT_A, "001-feature"), path, hash);
  }

  /** A body task with a fresh upload id. */
  public static BodyUploadTask body(NamespaceRef ns, String path, String hash) {
    String text = "# " + path + " " + hash;
    return new BodyUploadTask("U" + IDS.incrementAndGet(), ns, path, hash, text, text.length());
  }

  /** An indexed event for a path, coalescing by namespace and path. */
  public static EventRecord indexed(NamespaceRef ns, String path, String hash) {
    String id = "E" + IDS.incrementAndGet();
    String json =
        "{\"event_id\":\""
            + id
            + "\",\"payload\":{\"relative_path\":\""
            + path
            + "\",\"content_hash_sha256\":\""
            + hash
            + "\"}}";
    return new EventRecord(
        id,
        "MissionDossierArtifactIndexed",
        ns.featureSlug() + ":" + path,
        ns,
        Optional.of("indexed|" + ns + "|" + path),
        json);
  }

  /** An event without a coalesce key. */
  public static EventRecord plainEvent(NamespaceRef ns) {
    String id = "E" + IDS.incrementAndGet();
    return new EventRecord(
        id,
        "MissionDossierArtifactMissing",
        ns.featureSlug() + ":spec",
        ns,
        Optional.empty(),
        "{\"event_id\":\"" + id + "\"}");
  }

  /** A claim of every project. */
  public static ClaimRequest claim(int max, Instant now, String owner) {
    return new ClaimRequest(max, now, Duration.ofMinutes(5), owner, ProjectScope.all(), false);
  }
}
