package io.dossiersync.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the {@code FEATURE_DIR…} arguments of {@code dossier sync} into feature directories: a
 * directory holding {@code meta.json} is a feature; a directory without one whose subdirectories
 * hold {@code meta.json} (a {@code kitty-specs} directory) stands for every such subdirectory, in
 * name order; any other directory is taken as a feature as it is.
 */
final class FeatureDirectories {

  private FeatureDirectories() {}

  static List<Path> expand(List<Path> arguments) {
    Set<Path> features = new LinkedHashSet<>();
    for (Path argument : arguments) {
      Path dir = argument.toAbsolutePath().normalize();
      if (!Files.exists(dir)) {
        throw CliException.usage(
            "no such directory: "
                + argument
                + " (give a feature directory, e.g. kitty-specs/047-my-feature, or a kitty-specs"
                + " directory)");
      }
      if (!Files.isDirectory(dir)) {
        throw CliException.usage(
            "not a directory: " + argument + " (give a feature directory, not a file)");
      }
      if (Files.isRegularFile(dir.resolve("meta.json"))) {
        features.add(dir);
        continue;
      }
      List<Path> children = featuresIn(dir);
      if (children.isEmpty()) {
        features.add(dir);
      } else {
        features.addAll(children);
      }
    }
    return List.copyOf(features);
  }

  private static List<Path> featuresIn(Path dir) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .filter(Files::isDirectory)
          .filter(child -> !child.getFileName().toString().startsWith("."))
          .filter(child -> Files.isRegularFile(child.resolve("meta.json")))
          .sorted()
          .forEach(found::add);
    } catch (IOException e) {
      throw CliException.usage("cannot list " + dir + ": " + e.getMessage());
    }
    return found;
  }
}
