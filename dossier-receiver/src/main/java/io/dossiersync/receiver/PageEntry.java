package io.dossiersync.receiver;

import io.dossiersync.core.NamespaceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored body as the receiver page shows it: where it belongs, its hash, when it arrived and
 * whether it is the latest body of its (namespace, path).
 *
 * @param namespace the body's namespace
 * @param artifactPath the artifact path
 * @param contentHash the body's SHA-256
 * @param arrivedAt when the request that stored it arrived
 * @param latest true for the body of its (namespace, path) stored last
 * @param body the stored text (untrusted: escape before showing)
 */
record PageEntry(
    NamespaceRef namespace,
    String artifactPath,
    String contentHash,
    Instant arrivedAt,
    boolean latest,
    String body) {

  /** The stored bodies of a ledger, in the order they were stored. */
  static List<PageEntry> of(ReceiverLedger ledger) {
    List<ReceivedRequest> stores = new ArrayList<>();
    for (ReceivedRequest request : ledger.requests(Endpoint.PUSH_CONTENT)) {
      if (request.status() == 201 && request.bodyKey().isPresent()) {
        stores.add(request);
      }
    }
    Map<String, BodyKey> last = new HashMap<>();
    for (ReceivedRequest request : stores) {
      BodyKey key = request.bodyKey().orElseThrow();
      last.put(slot(key), key);
    }
    List<PageEntry> entries = new ArrayList<>();
    for (ReceivedRequest request : stores) {
      BodyKey key = request.bodyKey().orElseThrow();
      ledger
          .storedBody(key)
          .ifPresent(
              body ->
                  entries.add(
                      new PageEntry(
                          key.namespace(),
                          key.artifactPath(),
                          key.contentHash(),
                          request.receivedAt(),
                          key.equals(last.get(slot(key))),
                          body)));
    }
    return entries;
  }

  private static String slot(BodyKey key) {
    return key.namespace() + "\u0000" + key.artifactPath();
  }
}
