package io.dossiersync.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a file for hashing; a seam so tests can simulate unreadable files when run as root. */
@FunctionalInterface
interface FileOpener {

  /** The real file system. */
  FileOpener FILES = Files::newInputStream;

  InputStream open(Path path) throws IOException;
}
