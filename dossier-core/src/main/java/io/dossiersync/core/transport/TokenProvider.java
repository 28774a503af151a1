package io.dossiersync.core.transport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bearer token comes from [C-002]. Transports ask for the current token before each
 * request; the drain engine calls {@link #refresh} when the receiver answered 401.
 *
 * <p>Implementations are thread-safe. They never log the token.
 *
 * @since 0.1.0
 */
public interface TokenProvider {

  /**
   * The token to send now.
   *
   * @return the token, or empty when none is configured (requests then go without authorization and
   *     the receiver answers 401)
   */
  Optional<AccessToken> currentToken();

  /**
   * Asks for a token other than the one the receiver just rejected (e.g. re-reads a token file, or
   * runs an OAuth refresh).
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
    return new UnrefreshableTokenProvider(
        Optional.of(Objects.requireNonNull(token, "token")), "TokenProvider.fixed");
  }

  /**
   * A provider reading the token from a file (the whole content, surrounding whitespace trimmed; an
   * empty file is no token). On {@link #refresh} it re-reads the file every 250 ms for up to 10 s
   * until it holds a token different from the rejected one, because a rotation often reaches the
   * receiver before the file; only then does it answer empty.
   *
   * <p>The file is read at bounded cost: it must be a regular file (a FIFO or a device such as
   * {@code /dev/zero} is refused at once, never opened) of at most 1 MiB. A file readable by its
   * group or others is used, with one warning. Thread-safe; the token is never logged.
   *
   * <pre>{@code
   * TokenProvider tokens = TokenProvider.fromFile(Path.of("/run/secrets/dossier-token"));
   * }</pre>
   *
   * @param file the token file; symbolic links are followed (mounted secrets are links)
   * @return the provider, holding the file's token as read now
   * @throws TokenFileException when the file is missing, unreadable, not a regular file, larger
   *     than 1 MiB or not a usable token, with one line naming the file
   */
  static TokenProvider fromFile(Path file) {
    return FileTokenProvider.system(Objects.requireNonNull(file, "file"));
  }

  /**
   * A provider without any token.
   *
   * @return the provider
   */
  static TokenProvider none() {
    return new UnrefreshableTokenProvider(Optional.empty(), "TokenProvider.none");
  }
}
