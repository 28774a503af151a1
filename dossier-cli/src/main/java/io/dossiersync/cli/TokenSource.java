package io.dossiersync.cli;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenFileException;
import io.dossiersync.core.transport.TokenProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CLI's {@link TokenProvider}: the token comes from an environment variable or from a file,
 * never from a flag value (PRODUCT.md §6). A file is read through {@link TokenProvider#fromFile}:
 * on a 401 it is re-read for up to 10 s until it holds a different token, which is the CLI's token
 * refresh. The token never appears in any message.
 */
final class TokenSource implements TokenProvider {

  private final TokenProvider delegate;
  private final String description;

  private TokenSource(TokenProvider delegate, String description) {
    this.delegate = delegate;
    this.description = description;
  }

  /**
   * Reads the token from the token file when one is given ({@code --token-file}, else {@code
   * DOSSIER_TOKEN_FILE}), else from the variable named by {@code --token-env}.
   *
   * @throws CliException (exit 2) when the file cannot be used, naming the file
   */
  static TokenSource resolve(Optional<Path> tokenFile, String tokenEnv, CliIo io) {
    if (tokenFile.isPresent()) {
      try {
        return new TokenSource(
            TokenProvider.fromFile(tokenFile.get()), "TokenSource[file " + tokenFile.get() + "]");
      } catch (TokenFileException e) {
        throw CliException.usage(e.getMessage() + "; check --token-file (or DOSSIER_TOKEN_FILE)");
      }
    }
    Optional<AccessToken> token = io.envValue(tokenEnv).map(TokenSource::parse);
    TokenProvider env = token.map(TokenProvider::fixed).orElseGet(TokenProvider::none);
    return new TokenSource(env, "TokenSource[env]");
  }

  private static AccessToken parse(String text) {
    try {
      return new AccessToken(text);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("the token is not usable: " + e.getMessage());
    }
  }

  boolean hasToken() {
    return delegate.currentToken().isPresent();
  }

  @Override
  public Optional<AccessToken> currentToken() {
    return delegate.currentToken();
  }

  @Override
  public Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
    return delegate.refresh(rejected);
  }

  @Override
  public String toString() {
    return description;
  }
}
