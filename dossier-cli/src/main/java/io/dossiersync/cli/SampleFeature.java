package io.dossiersync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The sample spec-kitty checkout of {@code dossier demo}: a project with one feature that holds
 * every body surface, plus a few files that are skipped on purpose (another surface, another
 * format, an empty file), so the table shows each kind of outcome.
 */
final class SampleFeature {

  static final String SLUG = "001-demo-body-sync";

  private SampleFeature() {}

  /** Writes the checkout under {@code root} and returns the feature directory. */
  static Path create(Path root) throws IOException {
    write(
        root.resolve(".kittify/config.yaml"),
        "project:\n  uuid: " + UUID.randomUUID() + "\n  slug: dossier-demo\n");
    Path feature = root.resolve("kitty-specs").resolve(SLUG);
    for (Map.Entry<String, String> file : files().entrySet()) {
      write(feature.resolve(file.getKey()), file.getValue());
    }
    Files.write(
        feature.resolve("contracts/diagram.png"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    return feature;
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "meta.json",
        "{\n  \"mission_slug\": \""
            + SLUG
            + "\",\n"
            + "  \"mission_type\": \"software-dev\",\n  \"target_branch\": \"main\"\n}\n");
    files.put("spec.md", "# Demo body sync\n\nSend every spec artifact body to the receiver.\n");
    files.put("plan.md", "# Plan\n\n1. Index\n2. Emit events\n3. Queue bodies\n4. Drain\n");
    files.put("tasks.md", "# Tasks\n\n- [ ] WP01 set-up\n- [ ] WP02 sync\n");
    files.put("research.md", "# Research\n\nSibling queue tables in one SQLite file.\n");
    files.put("data-model.md", "# Data model\n\nNamespaceRef, ArtifactRef, UploadOutcome.\n");
    files.put("quickstart.md", "# Quickstart\n\n    dossier sync kitty-specs/" + SLUG + "\n");
    files.put("tasks/WP01-setup.md", "# WP01 Set-up\n\nCreate the project.\n");
    files.put("tasks/WP02-sync.md", "# WP02 Sync\n\nSync the bodies — résumé, naïve, 東京.\n");
    files.put("tasks/README.md", "Work packages live here.\n");
    files.put("contracts/push-content.yaml", "openapi: 3.0.0\ninfo:\n  title: push-content\n");
    files.put("checklists/requirements.md", "- [x] Every artifact gets one outcome\n");
    files.put("checklists/empty.md", "");
    files.put("research/sources.csv", "source,url\nspec-kitty,https://example.org\n");
    files.put("notes.txt", "Not a body surface, so it is skipped.\n");
    files.put("status.json", "{\"lane\": \"doing\"}\n");
    return files;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Deletes a directory tree, best effort. */
  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }
}
