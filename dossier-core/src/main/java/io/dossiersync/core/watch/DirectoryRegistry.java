package io.dossiersync.core.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directories registered with the {@link WatchService}: every directory of every watched tree,
 * each once. The JDK watches one directory per key, so a tree is registered by walking it, and a
 * directory that appears later is registered when its creation is seen (or by the next rescan).
 * Keys of deleted directories are dropped. Owned by the watcher's thread.
 */
final class DirectoryRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryRegistry.class);

  private final WatchService service;
  private final Map<Path, WatchKey> keys = new HashMap<>();

  DirectoryRegistry(WatchService service) {
    this.service = service;
  }

  /** Registers {@code dir} and every directory below it that is not registered yet. */
  void registerTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes)
                throws IOException {
              WatchKey known = keys.get(d);
              if (known == null || !known.isValid()) {
                keys.put(d, d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.debug("cannot register {} with the file watcher: {}", dir, e.toString());
    } catch (ClosedWatchServiceException e) {
      // The watcher is closing (close() right after start()): nothing more to watch, but the
      // syncs that were asked for still run.
      LOG.debug("not registering {}: the file watcher is closed", dir);
    }
  }

  /** Forgets the keys of directories that were deleted. */
  void dropInvalid() {
    keys.values().removeIf(key -> !key.isValid());
  }

  /** How many directories are registered. */
  int size() {
    return keys.size();
  }
}
