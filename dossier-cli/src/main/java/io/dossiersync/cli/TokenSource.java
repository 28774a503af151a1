package io.dossiersync.cli;

import io.dossiersync.core.transport.AccessToken;
import io.dossiersync.core.transport.TokenProvider;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CLI's {@link TokenProvider}: the token comes from an environment variable or from a file,
 * never from a flag value (PRODUCT.md §6). A file is re-read when the receiver answers 401, which
 * is the CLI's token refresh. The token never appears in any message.
 */
final class TokenSource implements TokenProvider {

  private final Optional<Path> file;
  private volatile Optional<AccessToken> current;

  private TokenSource(Optional<Path> file, Optional<AccessToken> initial) {
    this.file = file;
    this.current = initial;
  }

  /**
   * Reads the token from {@code --token-file} when given, else from the variable named by {@code
   * --token-env}.
   */
  static TokenSource resolve(Optional<Path> tokenFile, String tokenEnv, CliIo io) {
    if (tokenFile.isPresent()) {
      return new TokenSource(tokenFile, readFile(tokenFile.get()));
    }
    return new TokenSource(Optional.empty(), io.envValue(tokenEnv).map(TokenSource::parse));
  }

  private static AccessToken parse(String text) {
    try {
      return new AccessToken(text);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("the token is not usable: " + e.getMessage());
    }
  }

  private static Optional<AccessToken> readFile(Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(parse(text));
    } catch (IOException e) {
      throw CliException.usage(
          "cannot read the token file " + path + " (" + why(e) + "); check --token-file");
    }
  }

  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return "unreadable";
  }

  boolean hasToken() {
    return current.isPresent();
  }

  @Override
  public Optional<AccessToken> currentToken() {
    return current;
  }

  @Override
  public synchronized Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Optional<AccessToken> fresh;
    try {
      fresh = readFile(file.get());
    } catch (CliException e) {
      return Optional.empty();
    }
    if (fresh.isEmpty() || fresh.equals(rejected)) {
      return Optional.empty();
    }
    current = fresh;
    return fresh;
  }

  @Override
  public String toString() {
    return file.map(f -> "TokenSource[file " + f + "]").orElse("TokenSource[env]");
  }
}
