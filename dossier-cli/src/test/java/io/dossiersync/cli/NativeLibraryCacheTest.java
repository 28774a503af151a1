package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlite-jdbc's native library is extracted once into {@code $DOSSIER_HOME/native} and reused: the
 * file is written when missing or truncated and left alone otherwise, and a real {@code dossier
 * status} process opens its queue with the cached library.
 */
class NativeLibraryCacheTest {

  @TempDir Path dir;

  @Test
  void extractsOnceThenReusesTheFile() throws Exception {
    Path cache = dir.resolve("native");

    Optional<Path> first = NativeLibraryCache.cachedLibrary(cache);
    assertThat(first).isPresent();
    Path file = first.get();
    assertThat(file.getParent()).isEqualTo(cache);
    assertThat(file.getFileName().toString()).startsWith("sqlite-jdbc-");
    long size = Files.size(file);
    assertThat(size).isGreaterThan(100_000);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);

    assertThat(NativeLibraryCache.cachedLibrary(cache)).contains(file);
    assertThat(Files.getLastModifiedTime(file)).as("reused, not rewritten").isEqualTo(old);
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.toList()).as("no partial file left").containsExactly(file);
    }
  }

  @Test
  void replacesATruncatedFile() throws Exception {
    Path cache = dir.resolve("native");
    Path file = NativeLibraryCache.cachedLibrary(cache).orElseThrow();
    long size = Files.size(file);
    Files.write(file, new byte[10]);

    assertThat(NativeLibraryCache.cachedLibrary(cache)).contains(file);
    assertThat(Files.size(file)).isEqualTo(size);
  }

  @Test
  void knowsTheFoldersTheJarShips() {
    assertThat(NativeLibraryCache.platformFolder("Linux", "amd64")).contains("Linux/x86_64");
    assertThat(NativeLibraryCache.platformFolder("Mac OS X", "aarch64")).contains("Mac/aarch64");
    assertThat(NativeLibraryCache.platformFolder("Windows 11", "amd64")).contains("Windows/x86_64");
    assertThat(NativeLibraryCache.platformFolder("Linux", "arm64")).contains("Linux/aarch64");
    assertThat(NativeLibraryCache.platformFolder("FreeBSD", "amd64")).isEmpty();
    assertThat(NativeLibraryCache.platformFolder("Linux", "riscv64")).isEmpty();
  }

  @Test
  void theCacheLivesUnderDossierHome() {
    assertThat(NativeLibraryCache.cacheDirectory(Map.of("DOSSIER_HOME", dir.toString())))
        .isEqualTo(dir.resolve("native"));
    assertThat(NativeLibraryCache.cacheDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".dossier-sync", "native"));
  }

  @Test
  void aRelativeHomeCachesNothing() {
    String lib = System.getProperty("org.sqlite.lib.path");
    NativeLibraryCache.install(Map.of("DOSSIER_HOME", "relative-home"));

    assertThat(Files.exists(Path.of("relative-home"))).isFalse();
    assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(lib);
  }

  @Test
  void aStatusProcessLoadsTheCachedLibrary() throws Exception {
    Path home = dir.resolve("home");
    Path db = dir.resolve("queue.db");
    List<String> command = JavaCommand.dossier("status", "--json", "--db", db.toString());
    for (int run = 0; run < 2; run++) {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("DOSSIER_HOME", home.toString());
      Process status = builder.start();
      assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(status.exitValue()).isZero();
    }
    try (Stream<Path> files = Files.list(home.resolve("native"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .singleElement()
          .asString()
          .startsWith("sqlite-jdbc-");
    }
    assertThat(Files.exists(db)).isTrue();
  }
}
