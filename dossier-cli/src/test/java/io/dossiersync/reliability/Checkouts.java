package io.dossiersync.reliability;

import io.dossiersync.testkit.fixture.CheckoutBuilder;
import io.dossiersync.testkit.fixture.FeatureBuilder;
import io.dossiersync.testkit.fixture.FeatureDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;

/** The checkouts the kill and drainer tests sync: generated, or the real corpus when present. */
final class Checkouts {

  /** Where the brief unpacks the real corpus (412 features). */
  static final Path CORPUS = Path.of("/tmp/corpus");

  private Checkouts() {}

  /**
   * A checkout of {@code features} features, each with every surface plus {@code extra} research
   * notes of varied size and an ineligible {@code notes.txt}. Contents are fixed by the seed.
   *
   * @return the {@code kitty-specs} directory
   */
  static Path generated(Path root, int features, int extra, long seed) {
    Random random = new Random(seed);
    CheckoutBuilder checkout = FeatureDirs.checkout(root);
    for (int f = 1; f <= features; f++) {
      checkout.feature(slug(f), f % 3 == 0 ? "develop" : "main", "software-dev");
    }
    checkout.build();
    Path specs = root.resolve("kitty-specs");
    for (int f = 1; f <= features; f++) {
      FeatureBuilder feature = FeatureDirs.feature(specs, slug(f));
      for (int n = 1; n <= extra; n++) {
        String head = String.format(Locale.ROOT, "# %s note %d\n\n", slug(f), n);
        feature.text(
            String.format(Locale.ROOT, "research/note-%03d.md", n),
            head + "x".repeat(64 + random.nextInt(4_096)) + "\n");
      }
      feature.text("notes.txt", "not on a surface\n");
    }
    return specs;
  }

  /**
   * The same, with contents fixed by the suite's seed ({@link ReliabilityMode#seed()}).
   *
   * @return the {@code kitty-specs} directory
   */
  static Path generated(Path root, int features, int extra) {
    return generated(root, features, extra, ReliabilityMode.seed());
  }

  private static String slug(int f) {
    return String.format(Locale.ROOT, "%03d-generated-feature", f);
  }

  /**
   * The corpus's {@code kitty-specs} for a full-mode round; skips the calling test (a JUnit
   * assumption, with the reason) in CI mode or when the corpus is not unpacked.
   */
  static Path corpusInFullMode() {
    Assumptions.assumeTrue(
        ReliabilityMode.full(),
        "the corpus rounds run in full mode only (-Dreliability.full=true)");
    Optional<Path> corpus = corpus();
    Assumptions.assumeTrue(corpus.isPresent(), "the real corpus is not unpacked at " + CORPUS);
    return corpus.orElseThrow();
  }

  /** The corpus's {@code kitty-specs}, when it is unpacked. */
  static Optional<Path> corpus() {
    Path specs = CORPUS.resolve("kitty-specs");
    return Files.isDirectory(specs) && Files.isRegularFile(CORPUS.resolve(".kittify/config.yaml"))
        ? Optional.of(specs)
        : Optional.empty();
  }
}
