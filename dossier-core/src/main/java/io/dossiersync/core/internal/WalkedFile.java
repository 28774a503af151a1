package io.dossiersync.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * A file as the indexer's walk found it: the {@link Path} to read (never rebuilt from a string),
 * the file key (device and inode where the OS has them) and the real path of the feature directory
 * it must stay in (PRODUCT.md §2 eligibility step 5). Kept out of the public {@code ArtifactRef} on
 * purpose: it is what the walk hands to the body read, not a wire field.
 *
 * <p>{@link #isStillIndexed()} is the read-time verification: the real path of the file still lies
 * inside the feature directory's real path, the file is a regular file (not a link) and its key is
 * the walk's. {@link #open()} opens it without following a final symlink. Callers check before
 * opening and again after reading, so that a directory swapped for a symlink while the bytes were
 * read is caught too. Immutable.
 *
 * @param path the path to open; for a symlink inside the feature directory, its real target
 * @param fileKey {@link BasicFileAttributes#fileKey()} at walk time; empty when the OS has none
 * @param realRoot the real path of the feature directory
 */
public record WalkedFile(Path path, Optional<Object> fileKey, Path realRoot) {

  /** Checks that no field is null. */
  public WalkedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fileKey, "fileKey");
    Objects.requireNonNull(realRoot, "realRoot");
  }

  /**
   * The walked file of a relative path, for a host {@code Indexer} that hands over no walk: the
   * path is resolved now, and its key taken now.
   *
   * @param featureDir the feature directory
   * @param relativePath the {@code /}-separated path
   * @return the file, its real path and its key as they are now
   * @throws NoSuchFileException when the file is gone or its name cannot be carried by the host's
   *     file-name encoding
   * @throws IOException when it cannot be resolved
   */
  public static WalkedFile resolveNow(Path featureDir, String relativePath) throws IOException {
    Path file;
    try {
      file = featureDir.resolve(relativePath);
    } catch (InvalidPathException e) {
      throw new NoSuchFileException(relativePath, null, "name not representable: " + e.getReason());
    }
    Path root = featureDir.toRealPath();
    Path real = file.toRealPath();
    BasicFileAttributes attrs =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return new WalkedFile(real, Optional.ofNullable(attrs.fileKey()), root);
  }

  /**
   * Whether the file at {@link #path()} is still the one the walk found.
   *
   * @return true when its real path is inside {@link #realRoot()}, it is a regular file and its key
   *     equals the walk's
   * @throws NoSuchFileException when it is gone
   * @throws IOException when it cannot be looked at
   */
  public boolean isStillIndexed() throws IOException {
    if (!path.toRealPath().startsWith(realRoot)) {
      return false;
    }
    BasicFileAttributes now =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!now.isRegularFile()) {
      return false;
    }
    return fileKey.isEmpty() || fileKey.get().equals(now.fileKey());
  }

  /**
   * Opens the file for reading without following a symlink in its last component.
   *
   * @return the stream, positioned at the start
   * @throws IOException when it cannot be opened (a symlink there now fails too)
   */
  public InputStream open() throws IOException {
    return Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }
}
