package io.dossiersync.receiver;

import io.dossiersync.core.NamespaceRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request the reference receiver answered (or dropped), as its ledger keeps it. Never holds a
 * token or a body. Immutable.
 *
 * @param sequence the arrival number, from 1 (the ledger lists requests in answer order)
 * @param endpoint which endpoint was called
 * @param receivedAt when it arrived, by the receiver's clock
 * @param status the HTTP status answered; 0 when the connection was dropped without an answer
 * @param answer what the receiver answered, as a code: {@code stored}, {@code already_exists},
 *     {@code validation_error}, {@code unauthorized}, {@code namespace_not_found}, {@code
 *     index_entry_not_found}, {@code delivered} (an event batch), {@code method_not_allowed},
 *     {@code not_found}, {@code payload_too_large}, {@code internal_error} (a receiver bug), or for
 *     injected faults {@code fault:reset}, {@code fault:503}, {@code fault:429}, {@code fault:404},
 *     {@code fault:unauthorized}
 * @param namespace the push's namespace, when its five fields were valid
 * @param artifactPath the push's {@code artifact_path} as sent, when it was a string
 * @param contentHash the push's {@code content_hash} as sent, when it was a string
 * @param contentBytes the UTF-8 size of the push's {@code content_body}, when it was a string
 * @param eventCount the number of events in a processed batch, else 0
 * @since 0.1.0
 */
public record ReceivedRequest(
    long sequence,
    Endpoint endpoint,
    Instant receivedAt,
    int status,
    String answer,
    Optional<NamespaceRef> namespace,
    Optional<String> artifactPath,
    Optional<String> contentHash,
    OptionalLong contentBytes,
    int eventCount) {

  /** Checks that no field is null. */
  public ReceivedRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(artifactPath, "artifactPath");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(contentBytes, "contentBytes");
  }

  /**
   * The body key of a push whose namespace, path and hash were all readable.
   *
   * @return the key, or empty
   */
  public Optional<BodyKey> bodyKey() {
    if (namespace.isEmpty() || artifactPath.isEmpty() || contentHash.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BodyKey(namespace.get(), artifactPath.get(), contentHash.get()));
  }

  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + endpoint
        + " "
        + status
        + " "
        + answer
        + artifactPath.map(p -> " " + p).orElse("")
        + (eventCount > 0 ? " events=" + eventCount : "");
  }
}
