package io.dossiersync.testkit;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReceiverLedger;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link ReceiverLedger}; get one from {@link
 * DossierAssertions#assertThat(ReceiverLedger)}. Each check reads a fresh snapshot of the ledger,
 * so call them after the traffic has settled. Not thread-safe, like every AssertJ assertion object.
 *
 * @since 0.1.0
 */
public final class ReceiverLedgerAssert
    extends AbstractAssert<ReceiverLedgerAssert, ReceiverLedger> {

  ReceiverLedgerAssert(ReceiverLedger actual) {
    super(actual, ReceiverLedgerAssert.class);
  }

  /**
   * Checks that each key was answered 201 stored exactly once.
   *
   * @param keys the body keys
   * @return this
   */
  public ReceiverLedgerAssert storedExactlyOnce(BodyKey... keys) {
    isNotNull();
    for (BodyKey key : keys) {
      int count = actual.storeCount(key);
      if (count != 1) {
        failWithMessage(
            "expected %s to be stored exactly once but it was stored %d times "
                + "(%d push requests for it); stored keys: %s",
            key, count, actual.pushCount(key), actual.storedBodies().keySet());
      }
    }
    return this;
  }

  /**
   * Checks that (namespace, path, hash) was stored exactly once.
   *
   * @param namespace the namespace
   * @param artifactPath the path
   * @param contentHash the hash
   * @return this
   */
  public ReceiverLedgerAssert storedExactlyOnce(
      NamespaceRef namespace, String artifactPath, String contentHash) {
    return storedExactlyOnce(new BodyKey(namespace, artifactPath, contentHash));
  }

  /**
   * Checks that no key was stored more than once.
   *
   * @return this
   */
  public ReceiverLedgerAssert hasNoDuplicateStores() {
    isNotNull();
    Map<BodyKey, Integer> duplicates = actual.duplicateStores();
    if (!duplicates.isEmpty()) {
      failWithMessage("expected no body to be stored twice but these were: %s", duplicates);
    }
    return this;
  }

  /**
   * Checks the number of distinct bodies stored.
   *
   * @param count the expected number
   * @return this
   */
  public ReceiverLedgerAssert hasStoredCount(int count) {
    isNotNull();
    int stored = actual.storedBodies().size();
    if (stored != count) {
      failWithMessage(
          "expected %d stored bodies but found %d: %s",
          count, stored, actual.storedBodies().keySet());
    }
    return this;
  }

  /**
   * Checks the text stored under a key.
   *
   * @param key the body key
   * @param body the expected text
   * @return this
   */
  public ReceiverLedgerAssert hasStoredBody(BodyKey key, String body) {
    isNotNull();
    Optional<String> stored = actual.storedBody(key);
    if (!stored.equals(Optional.of(body))) {
      failWithMessage(
          "expected %s to hold a body of %d chars equal to the expected one but %s",
          key,
          body.length(),
          stored
              .map(s -> "it holds a different one of " + s.length() + " chars")
              .orElse("nothing was stored under it"));
    }
    return this;
  }

  /**
   * Checks the number of events received, whatever their verdict.
   *
   * @param count the expected number
   * @return this
   */
  public ReceiverLedgerAssert hasReceivedEventCount(int count) {
    isNotNull();
    int received = actual.eventsReceived().size();
    if (received != count) {
      failWithMessage(
          "expected %d events received but found %d: %s", count, received, actual.eventsReceived());
    }
    return this;
  }
}
