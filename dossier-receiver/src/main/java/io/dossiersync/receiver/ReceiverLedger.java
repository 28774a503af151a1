package io.dossiersync.receiver;

import io.dossiersync.core.NamespaceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the reference receiver received: every request with the status it answered, every
 * event with its verdict, and every body it stored, by key. Tests query it to prove what arrived,
 * e.g. that each body was stored exactly once ({@link #storeCount}).
 *
 * <p>It never holds a token (no header is recorded). It holds bodies in memory only; when the
 * receiver has a data directory, requests and events (without bodies) are also appended to {@code
 * ledger.jsonl} there.
 *
 * <p>Thread-safe: every method is synchronized; queries return immutable snapshots.
 *
 * @since 0.1.0
 */
public final class ReceiverLedger {

  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final List<ReceivedEvent> events = new ArrayList<>();
  private final Map<BodyKey, String> stored = new LinkedHashMap<>();
  private final Map<BodyKey, Integer> storeCounts = new HashMap<>();
  private final Optional<LedgerJournal> journal;

  ReceiverLedger(Optional<LedgerJournal> journal) {
    this.journal = journal;
  }

  synchronized void record(ReceivedRequest request) {
    requests.add(request);
    journal.ifPresent(j -> j.request(request));
  }

  synchronized void recordEvent(ReceivedEvent event) {
    events.add(event);
    journal.ifPresent(j -> j.event(event));
  }

  synchronized void recordStored(BodyKey key, String body) {
    stored.putIfAbsent(key, body);
    storeCounts.merge(key, 1, Integer::sum);
  }

  /**
   * Every request, in the order they were answered.
   *
   * @return an immutable snapshot
   */
  public synchronized List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The requests to one endpoint, in the order they were answered.
   *
   * @param endpoint the endpoint
   * @return an immutable snapshot
   */
  public synchronized List<ReceivedRequest> requests(Endpoint endpoint) {
    return requests.stream()
        .filter(r -> r.endpoint() == endpoint)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * How many requests were answered with {@code status} (0 counts dropped connections).
   *
   * @param status the HTTP status
   * @return the count
   */
  public synchronized long countByStatus(int status) {
    return requests.stream().filter(r -> r.status() == status).count();
  }

  /**
   * Every event of every processed batch, in arrival order, with its verdict.
   *
   * @return an immutable snapshot
   */
  public synchronized List<ReceivedEvent> eventsReceived() {
    return List.copyOf(events);
  }

  /**
   * The stored bodies by key, in the order they were first stored.
   *
   * @return an immutable snapshot
   */
  public synchronized Map<BodyKey, String> storedBodies() {
    return Map.copyOf(stored);
  }

  /**
   * The body stored under a key.
   *
   * @param key the key
   * @return the body, or empty when nothing was stored under it
   */
  public synchronized Optional<String> storedBody(BodyKey key) {
    return Optional.ofNullable(stored.get(key));
  }

  /**
   * How many times the receiver answered 201 stored for a key: 1 proves exactly-once.
   *
   * @param key the key
   * @return the count, 0 when never stored
   */
  public synchronized int storeCount(BodyKey key) {
    return storeCounts.getOrDefault(key, 0);
  }

  /**
   * How many times the receiver answered 201 stored for (namespace, path, hash).
   *
   * @param namespace the namespace
   * @param artifactPath the path
   * @param contentHash the hash
   * @return the count, 0 when never stored
   */
  public int storeCount(NamespaceRef namespace, String artifactPath, String contentHash) {
    return storeCount(new BodyKey(namespace, artifactPath, contentHash));
  }

  /**
   * The keys stored more than once; always empty for a correct receiver, so a non-empty answer
   * points at a broken store, not at the sender.
   *
   * @return an immutable map from key to store count
   */
  public synchronized Map<BodyKey, Integer> duplicateStores() {
    return storeCounts.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * How many push requests arrived for a key, whatever the answer (retries included).
   *
   * @param key the key
   * @return the count
   */
  public synchronized long pushCount(BodyKey key) {
    return requests.stream().filter(r -> r.bodyKey().filter(key::equals).isPresent()).count();
  }

  @Override
  public synchronized String toString() {
    return "ReceiverLedger["
        + requests.size()
        + " requests, "
        + events.size()
        + " events, "
        + stored.size()
        + " bodies stored]";
  }
}
