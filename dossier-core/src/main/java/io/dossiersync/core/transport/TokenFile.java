package io.dossiersync.core.transport;

import io.dossiersync.core.internal.BoundedFile;
import io.dossiersync.core.internal.StrictUtf8;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a token file under the rule for files read whole ({@link BoundedFile}: a regular file of at
 * most {@link #MAX_BYTES}, its type checked before it is opened, so a FIFO or device never blocks
 * or runs forever), UTF-8, its content with surrounding whitespace trimmed. Empty content is no
 * token. Every failure is a {@link TokenFileException} with one line naming the file; the content
 * is never in a message.
 */
final class TokenFile {

  /** The largest token file read: 1 MiB. */
  static final int MAX_BYTES = BoundedFile.DEFAULT_LIMIT;

  private TokenFile() {}

  static Optional<AccessToken> read(Path path) {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(path, MAX_BYTES);
    } catch (BoundedFile.Refused e) {
      throw new TokenFileException("cannot read the token file " + e.getMessage());
    } catch (IOException e) {
      throw new TokenFileException("cannot read the token file " + path + ": " + why(e));
    }
    String text =
        StrictUtf8.decode(bytes)
            .orElseThrow(
                () -> new TokenFileException("the token file " + path + " is not UTF-8 text"))
            .strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AccessToken(text));
    } catch (IllegalArgumentException e) {
      throw new TokenFileException(
          "the token file " + path + " does not hold a usable token: " + e.getMessage());
    }
  }

  /** Whether the group or others may read the file (POSIX only; false elsewhere or on error). */
  static boolean readableByOthers(Path path) {
    try {
      Set<PosixFilePermission> permissions =
          Files.readAttributes(path, PosixFileAttributes.class).permissions();
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return "unreadable (" + e.getClass().getSimpleName() + ")";
  }
}
