package io.dossiersync.sqlite;

import static io.dossiersync.sqlite.TestTasks.namespace;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The eligible bodies of the real corpus (PRODUCT.md §2 surfaces, supported extensions, at most 512
 * KiB, valid UTF-8, not empty), read into memory for the throughput measurement. A simple filter,
 * good enough to produce the same rows the sync would enqueue.
 */
final class CorpusBodies {

  private static final Set<String> TOP_LEVEL =
      Set.of("spec.md", "plan.md", "tasks.md", "research.md", "quickstart.md", "data-model.md");
  private static final Pattern WORK_PACKAGE = Pattern.compile("tasks/WP[0-9][^/]*\\.md");
  private static final Set<String> EXTENSIONS = Set.of("md", "json", "yaml", "yml", "csv");
  private static final long LIMIT = 524_288;

  private CorpusBodies() {}

  static List<BodyUploadTask> read(Path kittySpecs) throws IOException {
    List<BodyUploadTask> tasks = new ArrayList<>();
    List<Path> features;
    try (Stream<Path> list = Files.list(kittySpecs)) {
      features = list.filter(Files::isDirectory).sorted().toList();
    }
    int id = 0;
    for (Path feature : features) {
      NamespaceRef ns = namespace(feature.getFileName().toString());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(feature)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String rel = feature.relativize(file).toString().replace('\\', '/');
        if (!eligible(rel) || Files.size(file) > LIMIT) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = strictUtf8(bytes);
        if (text == null || bytes.length == 0) {
          continue;
        }
        tasks.add(
            new BodyUploadTask(
                String.format(Locale.ROOT, "01KT5YTQ%018d", ++id),
                ns,
                rel,
                sha256(bytes),
                text,
                bytes.length));
      }
    }
    return tasks;
  }

  private static boolean eligible(String rel) {
    if (rel.startsWith(".") || rel.contains("/.")) {
      return false;
    }
    boolean surface =
        TOP_LEVEL.contains(rel)
            || rel.startsWith("research/")
            || rel.startsWith("contracts/")
            || rel.startsWith("checklists/")
            || WORK_PACKAGE.matcher(rel).matches();
    int dot = rel.lastIndexOf('.');
    return surface
        && dot > rel.lastIndexOf('/')
        && EXTENSIONS.contains(rel.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
