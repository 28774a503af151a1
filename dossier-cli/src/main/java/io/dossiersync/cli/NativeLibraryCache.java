package io.dossiersync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps sqlite-jdbc's native library in a cache directory, extracted once, instead of letting the
 * driver copy it out of the jar into the temporary directory and compare it byte by byte on every
 * start (the largest share of a cold {@code dossier status}). The file is named for the jar entry's
 * CRC, the platform folder and the library, so a new driver extracts its own; it is written to a
 * temporary file and moved into place, so a reader never sees half a library.
 *
 * <p>Only the command's {@code main} uses it: it points the driver at the file through the {@code
 * org.sqlite.lib.path}/{@code org.sqlite.lib.name} system properties, which an application may set
 * and a library must not. Any failure (no absolute home, a read-only disk, a platform the jar has
 * no library for) leaves the properties unset, and the driver extracts as it always does.
 */
final class NativeLibraryCache {

  private NativeLibraryCache() {}

  /**
   * Points sqlite-jdbc at the cached library, extracting it first when missing or of the wrong
   * size; does nothing when the caller already chose a library path.
   *
   * @param env the environment ({@code DOSSIER_HOME})
   */
  static void install(Map<String, String> env) {
    if (System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    Path directory = cacheDirectory(env);
    if (!directory.isAbsolute()) {
      return; // no usable home (user.home '?'): the command itself says so; write nothing here
    }
    try {
      Optional<Path> library = cachedLibrary(directory);
      library.ifPresent(
          file -> {
            System.setProperty("org.sqlite.lib.path", file.getParent().toString());
            System.setProperty("org.sqlite.lib.name", file.getFileName().toString());
          });
    } catch (IOException | RuntimeException e) {
      // The driver's own extraction still works; a cache is only a speed-up.
    }
  }

  /** {@code ${DOSSIER_HOME:-~/.dossier-sync}/native}. */
  static Path cacheDirectory(Map<String, String> env) {
    String home = env.get("DOSSIER_HOME");
    Path base =
        home == null || home.isBlank()
            ? Path.of(System.getProperty("user.home"), ".dossier-sync")
            : Path.of(home.strip());
    return base.resolve("native");
  }

  /** The cached library file, extracted when needed; empty when the jar has none. */
  static Optional<Path> cachedLibrary(Path directory) throws IOException {
    Optional<String> folder =
        platformFolder(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    String name = System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib");
    URL resource =
        NativeLibraryCache.class.getResource("/org/sqlite/native/" + folder.get() + "/" + name);
    if (resource == null) {
      return Optional.empty();
    }
    URLConnection connection = resource.openConnection();
    long size = connection.getContentLengthLong();
    String version =
        connection instanceof JarURLConnection jar
            ? Long.toHexString(jar.getJarEntry().getCrc())
            : Long.toHexString(size);
    Path file =
        directory.resolve(
            "sqlite-jdbc-" + version + "-" + folder.get().replace('/', '-') + "-" + name);
    if (Files.isRegularFile(file) && Files.size(file) == size) {
      return Optional.of(file);
    }
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, name, ".part");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return Optional.of(file);
  }

  /**
   * sqlite-jdbc's folder for the platforms the jar ships ({@code Linux}, {@code Mac}, {@code
   * Windows} on {@code x86_64} or {@code aarch64}), without the driver's own detection (which
   * starts a process). A wrong guess (a musl Linux) costs nothing: the driver fails to load the
   * file and extracts its own.
   */
  static Optional<String> platformFolder(String osName, String osArch) {
    String os =
        osName.startsWith("Linux")
            ? "Linux"
            : osName.startsWith("Mac") ? "Mac" : osName.startsWith("Windows") ? "Windows" : "";
    String arch =
        switch (osArch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> "";
        };
    return os.isEmpty() || arch.isEmpty() ? Optional.empty() : Optional.of(os + "/" + arch);
  }
}
