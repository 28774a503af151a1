package io.dossiersync.testkit.fake;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TokenProvider} that walks through a fixed sequence of tokens: {@link #currentToken()}
 * gives the current one, {@link #refresh} moves to the next and gives it, or gives empty (and stays
 * put) when the sequence is used up. It counts refresh calls.
 *
 * <pre>{@code
 * ScriptedTokenProvider tokens = ScriptedTokenProvider.of("old-token", "new-token");
 * receiver.rotateToken("new-token");   // the receiver now rejects old-token
 * // ... drain: 401, refresh, retry with new-token ...
 * assertThat(tokens.refreshCount()).isEqualTo(1);
 * }</pre>
 *
 * <p>Thread-safe (all methods are synchronized). Its {@code toString} never shows a token.
 *
 * @since 0.1.0
 */
public final class ScriptedTokenProvider implements TokenProvider {

  private final List<AccessToken> tokens;
  private final List<Optional<AccessToken>> rejected = new ArrayList<>();
  private int position;
  private int refreshCount;

  private ScriptedTokenProvider(List<AccessToken> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  /**
   * A provider with these tokens, the first being current.
   *
   * @param tokens the token values, in order; none gives a provider without any token
   * @return the provider
   */
  public static ScriptedTokenProvider of(String... tokens) {
    return new ScriptedTokenProvider(Arrays.stream(tokens).map(AccessToken::new).toList());
  }

  @Override
  public synchronized Optional<AccessToken> currentToken() {
    return position < tokens.size() ? Optional.of(tokens.get(position)) : Optional.empty();
  }

  @Override
  public synchronized Optional<AccessToken> refresh(Optional<AccessToken> rejectedToken) {
    refreshCount++;
    rejected.add(rejectedToken);
    if (position + 1 >= tokens.size()) {
      return Optional.empty();
    }
    position++;
    return Optional.of(tokens.get(position));
  }

  /**
   * How many times {@link #refresh} was called.
   *
   * @return the count
   */
  public synchronized int refreshCount() {
    return refreshCount;
  }

  /**
   * The tokens passed to {@link #refresh}, one per call, in order.
   *
   * @return an immutable copy
   */
  public synchronized List<Optional<AccessToken>> rejectedTokens() {
    return List.copyOf(rejected);
  }

  @Override
  public String toString() {
    return "ScriptedTokenProvider[" + tokens.size() + " tokens, refreshes=" + refreshCount() + "]";
  }
}
