package io.dossiersync.testkit.fake;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.PushContentRequest;
import java.util.Optional;

/** Requests and events for the fakes' tests. */
final class FakeRequests {

  static final NamespaceRef NAMESPACE =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-some-name", "main", "software-dev", "1");

  private FakeRequests() {}

  static PushContentRequest push(String path) {
    return new PushContentRequest(NAMESPACE, path, "0".repeat(64), "body of " + path);
  }

  static EventRecord event(String id) {
    return new EventRecord(
        id,
        "MissionDossierArtifactIndexed",
        "047-some-name:" + id,
        NAMESPACE,
        Optional.empty(),
        "{\"event_id\":\"" + id + "\"}");
  }
}
