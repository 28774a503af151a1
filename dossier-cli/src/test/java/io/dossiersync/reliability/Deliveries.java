package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.Endpoint;
import io.dossiersync.receiver.ReceivedEvent;
import io.dossiersync.receiver.ReceivedRequest;
import io.dossiersync.receiver.ReceiverLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's two sides of "what should arrive": the body keys a {@code dossier sync --json}
 * reported as queued (or delivered), and the receiver ledger's proof that each arrived exactly
 * once, any repeat answered {@code already_exists}.
 */
final class Deliveries {

  private static final Set<String> ACKNOWLEDGED = Set.of("queued", "uploaded", "already_exists");
  private static final Set<String> ALLOWED_ANSWERS =
      Set.of("stored", "already_exists", "index_entry_not_found");

  private Deliveries() {}

  /**
   * Keys per feature slug of every artifact the sync reported queued, uploaded or already_exists.
   */
  static Map<String, Set<BodyKey>> acknowledgedByFeature(JsonNode sync) {
    List<JsonNode> features = new ArrayList<>();
    if (sync.has("features")) {
      sync.get("features").forEach(features::add);
    } else {
      features.add(sync);
    }
    Map<String, Set<BodyKey>> keys = new HashMap<>();
    for (JsonNode feature : features) {
      NamespaceRef namespace = namespace(feature.get("namespace"));
      Set<BodyKey> own = keys.computeIfAbsent(namespace.featureSlug(), s -> new HashSet<>());
      for (JsonNode artifact : feature.get("artifacts")) {
        if (ACKNOWLEDGED.contains(artifact.get("status").asText())) {
          own.add(
              new BodyKey(
                  namespace,
                  artifact.get("artifact_path").asText(),
                  artifact.get("content_hash").asText()));
        }
      }
    }
    return keys;
  }

  /** Every key of {@link #acknowledgedByFeature}. */
  static Set<BodyKey> acknowledged(JsonNode sync) {
    Set<BodyKey> all = new HashSet<>();
    acknowledgedByFeature(sync).values().forEach(all::addAll);
    return all;
  }

  static NamespaceRef namespace(JsonNode ns) {
    return new NamespaceRef(
        ns.get("project_uuid").asText(),
        ns.get("feature_slug").asText(),
        ns.get("target_branch").asText(),
        ns.get("mission_key").asText(),
        ns.get("manifest_version").asText());
  }

  /**
   * The receiver holds exactly {@code expected}, each stored once (201), every other push of a key
   * answered {@code already_exists} (or an injected fault or a retryable 404), none refused.
   *
   * @return how many pushes were answered {@code already_exists}
   */
  static long assertDeliveredExactlyOnce(ReceiverLedger ledger, Set<BodyKey> expected) {
    assertThat(ledger.storedBodies().keySet())
        .as("bodies stored by the receiver")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ledger.duplicateStores()).as("bodies stored twice").isEmpty();
    long alreadyExists = 0;
    for (ReceivedRequest request : ledger.requests(Endpoint.PUSH_CONTENT)) {
      assertThat(
              ALLOWED_ANSWERS.contains(request.answer()) || request.answer().startsWith("fault:"))
          .as("push %s was answered %s", request, request.answer())
          .isTrue();
      if (request.answer().equals("already_exists")) {
        alreadyExists++;
      }
    }
    return alreadyExists;
  }

  /**
   * Every expected body was pushed exactly once (no second push, not even one answered {@code
   * already_exists}) and every event the receiver got arrived exactly once; there was at least one.
   *
   * @return how many distinct events arrived
   */
  static int assertPushedOnceAndEachEventOnce(ReceiverLedger ledger, Set<BodyKey> expected) {
    for (BodyKey key : expected) {
      assertThat(ledger.pushCount(key)).as("pushes of %s", key).isEqualTo(1);
    }
    Map<String, Integer> deliveries = new HashMap<>();
    for (ReceivedEvent event : ledger.eventsReceived()) {
      deliveries.merge(event.eventId(), 1, Integer::sum);
    }
    assertThat(deliveries)
        .as("events delivered more than once")
        .isNotEmpty()
        .allSatisfy((id, n) -> assertThat(n).as("deliveries of event %s", id).isEqualTo(1));
    return deliveries.size();
  }
}
