package io.dossiersync.reliability;

import io.dossiersync.testkit.fixture.FeatureDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A valid checkout with one feature ({@code 001-hostile}, every surface, {@code main}, {@code
 * software-dev}) that a hostile case then spoils, plus the command-line arguments the case adds.
 * The feature directory argument defaults to the feature.
 */
final class HostileCheckout {

  static final String SLUG = "001-hostile";

  private final Path root;
  private final List<String> extraArgs = new ArrayList<>();
  private Path featureArg;

  HostileCheckout(Path root) {
    this.root = root;
    FeatureDirs.checkout(root).feature(SLUG, "main", "software-dev").build();
    this.featureArg = feature();
  }

  Path root() {
    return root;
  }

  Path feature() {
    return root.resolve("kitty-specs").resolve(SLUG);
  }

  /** Writes bytes at a feature-relative path (parents created). */
  HostileCheckout bytes(String relative, byte[] content) {
    return write(feature().resolve(relative), content);
  }

  HostileCheckout text(String relative, String content) {
    return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes at a checkout-relative path (parents created). */
  HostileCheckout rootFile(String relative, String content) {
    return write(root.resolve(relative), content.getBytes(StandardCharsets.UTF_8));
  }

  HostileCheckout meta(String json) {
    return rootFile("kitty-specs/" + SLUG + "/meta.json", json);
  }

  HostileCheckout config(String yaml) {
    return rootFile(".kittify/config.yaml", yaml);
  }

  HostileCheckout delete(String relative) {
    try {
      Files.delete(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  HostileCheckout symlink(String relative, String target) {
    Path link = feature().resolve(relative);
    try {
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  HostileCheckout directory(String relative) {
    try {
      Files.createDirectories(feature().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  HostileCheckout unreadable(String relative) {
    text(relative, "# secret\n");
    try {
      Files.setPosixFilePermissions(
          feature().resolve(relative), PosixFilePermissions.fromString("---------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Makes a named pipe at a checkout-relative path (parents created), with {@code mkfifo}. */
  HostileCheckout fifo(String relative) {
    Path fifo = root.resolve(relative);
    try {
      Files.createDirectories(fifo.getParent());
      Files.deleteIfExists(fifo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return shell(root, "mkfifo \"$1\"", relative);
  }

  /** Links a checkout-relative path to an absolute target (replacing what is there). */
  HostileCheckout rootSymlink(String relative, String target) {
    Path link = root.resolve(relative);
    try {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Creates a file whose name is raw bytes (e.g. not UTF-8) in a feature directory. */
  HostileCheckout rawName(String relativeDir, byte[] name, String content) {
    StringBuilder octal = new StringBuilder();
    for (byte b : name) {
      octal.append(String.format("\\%03o", b & 0xff));
    }
    directory(relativeDir);
    return shell(
        feature().resolve(relativeDir),
        "printf '%s' \"$1\" > \"$(printf '" + octal + "')\"",
        content);
  }

  private HostileCheckout shell(Path dir, String script, String arg) {
    try {
      Process p =
          new ProcessBuilder("sh", "-c", script, "sh", arg)
              .directory(dir.toFile())
              .inheritIO()
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("sh -c '" + script + "' failed in " + dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** Syncs this directory instead of the feature. */
  HostileCheckout featureArg(Path dir) {
    featureArg = dir;
    return this;
  }

  HostileCheckout args(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  /** {@code sync FEATURE --json --no-drain --db DB} plus the case's arguments. */
  String[] syncArgs(Path db) {
    List<String> args =
        new ArrayList<>(
            List.of("sync", featureArg.toString(), "--json", "--no-drain", "--db", db.toString()));
    args.addAll(extraArgs);
    return args.toArray(String[]::new);
  }

  private HostileCheckout write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return this;
  }
}
