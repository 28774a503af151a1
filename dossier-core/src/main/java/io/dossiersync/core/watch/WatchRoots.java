package io.dossiersync.core.watch;

import io.dossiersync.core.checkout.SpecKittyCheckout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directories a watch was given, each a feature directory or a {@code kitty-specs} directory,
 * and which feature a path belongs to. A directory holding {@code meta.json} is a feature; one
 * without, whose subdirectories hold {@code meta.json} or that is named {@code kitty-specs}, stands
 * for every such subdirectory, now and later; any other directory is taken as a feature as it is
 * (the rule of {@code dossier sync}). Immutable.
 */
final class WatchRoots {

  /** One given directory and what it is. */
  record Root(Path dir, boolean specs) {}

  private final List<Root> roots;

  private WatchRoots(List<Root> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Classifies the given directories, each absolute and normalized. */
  static WatchRoots of(List<Path> dirs) {
    List<Root> roots = new ArrayList<>();
    for (Path given : dirs) {
      Path dir = given.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "not a directory: " + given + " (give feature directories or kitty-specs directories)");
      }
      boolean specs =
          !isFeature(dir)
              && ("kitty-specs".equals(String.valueOf(dir.getFileName()))
                  || !features(dir).isEmpty());
      roots.add(new Root(dir, specs));
    }
    return new WatchRoots(roots);
  }

  List<Root> roots() {
    return roots;
  }

  /** Every feature directory that exists now, in root order, then name order. */
  List<Path> features() {
    List<Path> all = new ArrayList<>();
    for (Root root : roots) {
      if (!root.specs()) {
        all.add(root.dir());
      } else if (Files.isDirectory(root.dir())) {
        all.addAll(features(root.dir()));
      }
    }
    return all;
  }

  /**
   * The feature a changed path belongs to: the feature root it is in, or the child of the {@code
   * kitty-specs} root it is in. Empty for a {@code kitty-specs} root itself.
   */
  Optional<Path> featureOf(Path path) {
    for (Root root : roots) {
      if (!path.startsWith(root.dir())) {
        continue;
      }
      if (!root.specs()) {
        return Optional.of(root.dir());
      }
      if (!path.equals(root.dir())) {
        return Optional.of(root.dir().resolve(root.dir().relativize(path).getName(0)));
      }
    }
    return Optional.empty();
  }

  /** The given directory that {@code path} is in. */
  Optional<Root> rootOf(Path path) {
    return roots.stream().filter(r -> path.startsWith(r.dir())).findFirst();
  }

  /** Whether {@code dir} is a feature of a {@code kitty-specs} root that it may be taken as. */
  boolean isCandidate(Path feature) {
    return rootOf(feature).map(r -> !r.specs() || isFeature(feature)).orElse(false);
  }

  private static boolean isFeature(Path dir) {
    return Files.isRegularFile(dir.resolve(SpecKittyCheckout.META_FILE));
  }

  private static List<Path> features(Path specs) {
    try (Stream<Path> children = Files.list(specs)) {
      return children
          .filter(Files::isDirectory)
          .filter(c -> !c.getFileName().toString().startsWith("."))
          .filter(WatchRoots::isFeature)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + specs + ": " + e.getMessage(), e);
    }
  }
}
