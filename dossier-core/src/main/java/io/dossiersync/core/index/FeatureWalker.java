package io.dossiersync.core.index;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files of a feature directory (PRODUCT.md §2): recursively, regular files only, no path
 * component starting with {@code .}, a symlink followed only when its real target is a regular file
 * inside the directory, symlinked directories never descended, sorted by code point.
 */
final class FeatureWalker {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureWalker.class);

  /**
   * One listed file.
   *
   * @param relativePath the {@code /}-separated path relative to the feature directory
   * @param path the path to read (a link inside the directory is read through the link)
   */
  record Entry(String relativePath, Path path) {}

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
    walk(featureDir, "", realRoot, entries);
    entries.sort(Comparator.comparing(Entry::relativePath, CodePointOrder.INSTANCE));
    return entries;
  }

  private static void walk(Path dir, String prefix, Path realRoot, List<Entry> out) {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        String name = child.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        visit(child, prefix + name, realRoot, out);
      }
    } catch (IOException | DirectoryIteratorException e) {
      LOG.warn("cannot list directory {} (its files are not indexed): {}", dir, e.toString());
    }
  }

  private static void visit(Path child, String relativePath, Path realRoot, List<Entry> out) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      LOG.debug("skipping {}: cannot read its attributes: {}", relativePath, e.toString());
      return;
    }
    if (attrs.isDirectory()) {
      walk(child, relativePath + "/", realRoot, out);
    } else if (attrs.isRegularFile()) {
      out.add(new Entry(relativePath, child));
    } else if (attrs.isSymbolicLink()) {
      followLink(child, relativePath, realRoot, out);
    } else {
      LOG.debug("skipping {}: not a regular file", relativePath);
    }
  }

  private static void followLink(Path link, String relativePath, Path realRoot, List<Entry> out) {
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
    } else if (Files.isRegularFile(target)) {
      out.add(new Entry(relativePath, link));
    } else {
      LOG.debug("skipping symlink {}: its target is not a regular file", relativePath);
    }
  }
}
