package io.dossiersync.core.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a rescan compares to tell a changed feature from an unchanged one without reading it: the
 * SHA-256 of every regular file's relative path, size and modification time, in path order. A
 * change that keeps all three (a same-size rewrite within the file system's timestamp tick) is seen
 * by the file watcher, not by the rescan. Stateless.
 */
final class Fingerprint {

  private Fingerprint() {}

  /** The feature's fingerprint, empty when the directory cannot be walked (e.g. it is gone). */
  static Optional<String> of(Path feature) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    try (Stream<Path> files = Files.walk(feature)) {
      files
          .sorted()
          .forEach(
              file -> {
                try {
                  BasicFileAttributes attributes =
                      Files.readAttributes(file, BasicFileAttributes.class);
                  if (attributes.isRegularFile()) {
                    digest.update(
                        (feature.relativize(file)
                                + "\0"
                                + attributes.size()
                                + "\0"
                                + attributes.lastModifiedTime().toInstant()
                                + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  digest.update((file + "\0unreadable\n").getBytes(StandardCharsets.UTF_8));
                }
              });
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }
}
