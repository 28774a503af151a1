package io.dossiersync.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java example is the code {@link ReadmeEmbeddingExampleTest} runs. */
class ReadmePageTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void readmeExampleLinesAreTheTestedLinesInTheSameOrder() throws IOException {
    Path readme = ROOT.resolve("README.md");
    assumeTrue(Files.isRegularFile(readme), "README.md not found above " + Path.of(""));
    List<String> example = javaBlock(Files.readAllLines(readme));
    List<String> tested =
        between(
            Files.readAllLines(
                ROOT.resolve(
                    "dossier-sync/src/test/java/io/dossiersync/readme/ReadmeEmbeddingExampleTest.java")));

    List<String> shown = example.stream().filter(line -> !line.equals("}")).toList();
    tested = tested.stream().filter(line -> !line.equals("}")).toList();
    assertThat(shown).as("the common case fits in six lines (issue 18)").hasSizeBetween(3, 6);
    assertThat(tested)
        .as("closing braces aside, the README shows exactly the tested lines")
        .isEqualTo(shown);
  }

  private static List<String> javaBlock(List<String> lines) {
    int start = lines.indexOf("```java") + 1;
    int end = lines.subList(start, lines.size()).indexOf("```") + start;
    return lines.subList(start, end).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> between(List<String> lines) {
    List<String> stripped = lines.stream().map(String::strip).toList();
    int start = stripped.indexOf("// --- README example begins ---") + 1;
    int end = stripped.indexOf("// --- README example ends ---");
    return stripped.subList(start, end).stream().filter(l -> !l.isEmpty()).toList();
  }
}
