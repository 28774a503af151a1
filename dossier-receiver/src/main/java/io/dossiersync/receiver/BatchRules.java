package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The event-batch fault knobs that judge a whole batch before its events are taken (PRODUCT.md §4.2
 * rows 413 and 400): a batch with more events than the limit is answered 413 {@code
 * {"error":"payload_too_large"}}; a batch holding a poison event (by {@code event_id}, or by a
 * predicate on its {@code aggregate_id}) is answered 400 {@code {"error":"validation_error",
 * "detail":"poison event <id>"}} as a whole, so nothing in it is taken. Immutable.
 *
 * @param maxEvents the most events a batch may carry
 * @param poisonIds event ids that poison their batch
 * @param poisonAggregate aggregate ids that poison their batch
 */
record BatchRules(int maxEvents, Set<String> poisonIds, Predicate<String> poisonAggregate) {

  /** No limit, no poison. */
  static final BatchRules NONE = new BatchRules(Integer.MAX_VALUE, Set.of(), id -> false);

  BatchRules {
    poisonIds = Set.copyOf(poisonIds);
  }

  BatchRules withMaxEvents(int value) {
    return new BatchRules(value, poisonIds, poisonAggregate);
  }

  BatchRules withPoisonIds(Set<String> value) {
    return new BatchRules(maxEvents, value, poisonAggregate);
  }

  BatchRules withPoisonAggregate(Predicate<String> value) {
    return new BatchRules(maxEvents, poisonIds, value);
  }

  /** The answer refusing the whole batch, or empty when the batch may be taken. */
  Optional<Answer> judge(JsonNode events) {
    if (events.size() > maxEvents) {
      return Optional.of(Answer.json(413, "fault:413", Json.error("payload_too_large")));
    }
    for (JsonNode event : events) {
      String id = text(event, "event_id");
      if (poisonIds.contains(id) || poisonAggregate.test(text(event, "aggregate_id"))) {
        return Optional.of(
            Answer.json(
                400,
                "fault:poison",
                Json.bytes(
                    Json.MAPPER
                        .createObjectNode()
                        .put("error", "validation_error")
                        .put("detail", "poison event " + id))));
      }
    }
    return Optional.empty();
  }

  private static String text(JsonNode event, String field) {
    JsonNode node = event.get(field);
    return node != null && node.isTextual() ? node.asText() : "";
  }
}
