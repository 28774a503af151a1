package io.dossiersync.core.drain;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A token provider with a current token and, optionally, a fresh one for the first refresh. */
final class ScriptedTokens implements TokenProvider {

  final List<Optional<AccessToken>> refreshedFrom = new CopyOnWriteArrayList<>();
  private volatile Optional<AccessToken> current;
  private volatile Optional<AccessToken> fresh;

  ScriptedTokens(String current, Optional<String> fresh) {
    this.current = Optional.of(new AccessToken(current));
    this.fresh = fresh.map(AccessToken::new);
  }

  @Override
  public Optional<AccessToken> currentToken() {
    return current;
  }

  @Override
  public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
    refreshedFrom.add(rejected);
    Optional<AccessToken> next = fresh;
    fresh = Optional.empty();
    next.ifPresent(t -> current = Optional.of(t));
    return next;
  }

  boolean carries(String token) {
    return current.map(AccessToken::value).filter(token::equals).isPresent();
  }
}
