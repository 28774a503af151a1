package io.dossiersync.core.transport;

import java.util.Optional;

/**
 * A {@link TokenProvider} whose token never changes, so a refresh never has a fresh one: {@link
 * TokenProvider#fixed} and {@link TokenProvider#none}. Immutable, thread-safe; its {@link
 * #toString()} is the factory's name, never the token.
 */
final class UnrefreshableTokenProvider implements TokenProvider {

  private final Optional<AccessToken> token;
  private final String name;

  UnrefreshableTokenProvider(Optional<AccessToken> token, String name) {
    this.token = token;
    this.name = name;
  }

  @Override
  public Optional<AccessToken> currentToken() {
    return token;
  }

  @Override
  public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name;
  }
}
