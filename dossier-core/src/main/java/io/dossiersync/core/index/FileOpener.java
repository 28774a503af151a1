package io.dossiersync.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a file for hashing; a seam so tests can simulate unreadable files when run as root. */
@FunctionalInterface
interface FileOpener {

  /** The real file system. */
  FileOpener FILES =
      path -> Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  InputStream open(Path path) throws IOException;
}
