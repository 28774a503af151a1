package io.dossiersync.core.transport;

import java.util.Optional;

/**
 * Where the bearer token comes from [C-002]. Transports ask for the current token before each
 * request; the drain engine calls {@link #refresh} when the receiver answered 401.
 *
 * <p>Implementations are thread-safe. They never log the token.
 */
public interface TokenProvider {

  /**
   * The token to send now.
   *
   * @return the token, or empty when none is configured (requests then go without
   *     authorization and the receiver answers 401)
   */
  Optional<AccessToken> currentToken();

  /**
   * Asks for a token other than the one the receiver just rejected (e.g. re-reads a token file,
   * or runs an OAuth refresh).
   *
   * @param rejected the token the receiver answered 401 to, if there was one
   * @return a fresh token different from {@code rejected}, or empty when there is none
   */
  Optional<AccessToken> refresh(Optional<AccessToken> rejected);

  /**
   * A provider with one fixed token that cannot be refreshed.
   *
   * @param token the token
   * @return the provider
   */
  static TokenProvider fixed(AccessToken token) {
    return new TokenProvider() {
      @Override
      public Optional<AccessToken> currentToken() {
        return Optional.of(token);
      }

      @Override
      public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "TokenProvider.fixed";
      }
    };
  }

  /**
   * A provider without any token.
   *
   * @return the provider
   */
  static TokenProvider none() {
    return new TokenProvider() {
      @Override
      public Optional<AccessToken> currentToken() {
        return Optional.empty();
      }

      @Override
      public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "TokenProvider.none";
      }
    };
  }
}
