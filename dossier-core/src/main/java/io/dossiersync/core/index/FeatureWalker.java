package io.dossiersync.core.index;

import io.dossiersync.core.internal.CodePointOrder;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files of a feature directory (PRODUCT.md §2): recursively, regular files only, no path
 * component starting with {@code .}, a symlink followed only when its real target is a regular file
 * inside the directory, symlinked directories never descended, sorted by code point. A name that
 * cannot be carried ({@link CarriedNames}) is listed, under its replaced name, as not carriable,
 * and so is every file under a directory whose name cannot be carried.
 */
final class FeatureWalker {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureWalker.class);

  /**
   * One listed file.
   *
   * @param relativePath the {@code /}-separated path relative to the feature directory
   * @param path the path to read: the listed path, or a link's real target inside the directory
   * @param fileKey the file key of what {@code path} names at walk time, when the OS has one
   * @param carriable false when a component of the name cannot be carried (PRODUCT.md §2)
   */
  record Entry(String relativePath, Path path, Optional<Object> fileKey, boolean carriable) {}

  private FeatureWalker() {}

  static List<Entry> walk(Path featureDir) {
    Path realRoot;
    try {
      realRoot = featureDir.toRealPath();
    } catch (IOException e) {
      LOG.warn("cannot resolve feature directory {}: {}", featureDir, e.toString());
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    walk(featureDir, "", true, realRoot, entries);
    entries.sort(Comparator.comparing(Entry::relativePath, CodePointOrder.INSTANCE));
    return entries;
  }

  private static void walk(
      Path dir, String prefix, boolean carriable, Path realRoot, List<Entry> out) {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        String name = child.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        Optional<String> problem = CarriedNames.problem(child);
        if (problem.isPresent()) {
          LOG.debug(
              "{}{} cannot be carried as a relative path: invalid_format", prefix, problem.get());
        }
        visit(child, prefix + problem.orElse(name), carriable && problem.isEmpty(), realRoot, out);
      }
    } catch (IOException | DirectoryIteratorException e) {
      LOG.warn("cannot list directory {} (its files are not indexed): {}", dir, e.toString());
    }
  }

  private static void visit(
      Path child, String relativePath, boolean carriable, Path realRoot, List<Entry> out) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      LOG.debug("skipping {}: cannot read its attributes: {}", relativePath, e.toString());
      return;
    }
    if (attrs.isDirectory()) {
      walk(child, relativePath + "/", carriable, realRoot, out);
    } else if (attrs.isRegularFile()) {
      out.add(new Entry(relativePath, child, Optional.ofNullable(attrs.fileKey()), carriable));
    } else if (attrs.isSymbolicLink()) {
      followLink(child, relativePath, carriable, realRoot, out);
    } else {
      LOG.debug("skipping {}: not a regular file", relativePath);
    }
  }

  private static void followLink(
      Path link, String relativePath, boolean carriable, Path realRoot, List<Entry> out) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      LOG.debug(
          "skipping symlink {}: its target cannot be resolved: {}", relativePath, e.toString());
      return;
    }
    if (!target.startsWith(realRoot)) {
      LOG.debug("skipping symlink {}: its target is outside the feature directory", relativePath);
    } else if (Files.isDirectory(target)) {
      LOG.debug("skipping symlink {}: symlinked directories are not descended", relativePath);
    } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      out.add(new Entry(relativePath, target, key(target), carriable));
    } else {
      LOG.debug("skipping symlink {}: its target is not a regular file", relativePath);
    }
  }

  private static Optional<Object> key(Path target) {
    try {
      return Optional.ofNullable(
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .fileKey());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
