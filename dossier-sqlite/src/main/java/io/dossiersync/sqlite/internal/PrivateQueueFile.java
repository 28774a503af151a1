package io.dossiersync.sqlite.internal;

import io.dossiersync.core.queue.QueueStoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Creates a queue file and its missing directories private to the user (PRODUCT.md §3: bodies are
 * private text): directories {@code 0700}, the file {@code 0600}, where the file system has POSIX
 * permissions. SQLite gives its {@code -wal} and {@code -shm} files the mode of the database file,
 * so they are {@code 0600} too. Existing directories and files keep their modes. Stateless.
 */
public final class PrivateQueueFile {

  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateQueueFile() {}

  /**
   * Creates the missing parent directories ({@code 0700}) and, when it does not exist, the empty
   * file ({@code 0600}); SQLite makes an empty file a new database.
   *
   * @param file the absolute queue file path
   * @throws QueueStoreException when a directory or the file cannot be created
   */
  public static void create(Path file) {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path parent = file.getParent();
    try {
      if (parent != null) {
        createDirectories(parent, posix);
      }
    } catch (IOException e) {
      throw new QueueStoreException(
          "queue file " + file + " cannot be created: directory " + parent + ": " + e, e);
    }
    try {
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        Files.setPosixFilePermissions(file, FILE); // the umask may have taken bits away
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // an existing queue keeps its mode
    } catch (IOException e) {
      throw new QueueStoreException("queue file " + file + " cannot be created: " + e, e);
    }
  }

  private static void createDirectories(Path dir, boolean posix) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
      missing.push(d);
    }
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)}
            : new FileAttribute<?>[0];
    while (!missing.isEmpty()) {
      Path d = missing.pop();
      try {
        Files.createDirectory(d, attrs);
        if (posix) {
          Files.setPosixFilePermissions(d, DIR);
        }
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(d)) {
          throw e;
        }
      }
    }
  }
}
