package io.dossiersync.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper: the real spec-kitty corpus, when this machine has it. Looks for an unpacked copy in
 * {@code /tmp/corpus} or {@code target/corpus}, else unpacks {@code
 * ../shared/corpus/spec-kitty-corpus.tar.gz} (relative to the repository root) into {@code
 * target/corpus} once. Tests skip with a message when none is available.
 */
public final class Corpus {

  private static final Path TMP = Path.of("/tmp/corpus");
  private static final Path UNPACKED = Path.of("target/corpus");
  private static final Path TARBALL = Path.of("../../shared/corpus/spec-kitty-corpus.tar.gz");

  private Corpus() {}

  /**
   * The corpus root (holding {@code kitty-specs/}, {@code .kittify/}, {@code packs/}), or a skipped
   * test.
   *
   * @return the root
   */
  public static synchronized Path root() {
    Optional<Path> root = find();
    assumeTrue(
        root.isPresent(),
        "spec-kitty corpus not available (no /tmp/corpus, target/corpus or " + TARBALL + ")");
    return root.get();
  }

  /**
   * The corpus feature directories, sorted, or a skipped test.
   *
   * @return every directory under {@code kitty-specs/}
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> features() throws IOException {
    try (Stream<Path> dirs = Files.list(root().resolve("kitty-specs"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static Optional<Path> find() {
    for (Path candidate : new Path[] {TMP, UNPACKED}) {
      if (Files.isDirectory(candidate.resolve("kitty-specs"))) {
        return Optional.of(candidate);
      }
    }
    if (!Files.isRegularFile(TARBALL)) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(UNPACKED);
      Process tar =
          new ProcessBuilder("tar", "xzf", TARBALL.toString(), "-C", UNPACKED.toString())
              .inheritIO()
              .start();
      boolean done = tar.waitFor(5, TimeUnit.MINUTES);
      return done && tar.exitValue() == 0 && Files.isDirectory(UNPACKED.resolve("kitty-specs"))
          ? Optional.of(UNPACKED)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
