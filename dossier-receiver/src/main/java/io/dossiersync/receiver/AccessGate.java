package io.dossiersync.receiver;

import io.dossiersync.core.transport.AccessToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token check. With a configured token, only {@code Authorization: Bearer <token>}
 * passes (compared in constant time); without one, any non-blank bearer token passes. Rotating sets
 * a new token, so the old one fails from then on. Thread-safe.
 */
final class AccessGate {

  private static final String BEARER = "Bearer ";

  private final ReceiverFaults faults;
  private volatile Optional<AccessToken> token;

  AccessGate(Optional<AccessToken> token, ReceiverFaults faults) {
    this.token = token;
    this.faults = faults;
  }

  boolean admits(Optional<String> authorization) {
    if (faults.tokensRejected()) {
      return false;
    }
    Optional<String> presented =
        authorization
            .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(h -> h.substring(BEARER.length()).strip())
            .filter(t -> !t.isEmpty());
    if (presented.isEmpty()) {
      return false;
    }
    Optional<AccessToken> expected = token;
    return expected.isEmpty()
        || MessageDigest.isEqual(
            expected.get().value().getBytes(StandardCharsets.UTF_8),
            presented.get().getBytes(StandardCharsets.UTF_8));
  }

  void rotate(AccessToken newToken) {
    token = Optional.of(newToken);
    faults.rejectTokensUntilRotation(false);
  }
}
