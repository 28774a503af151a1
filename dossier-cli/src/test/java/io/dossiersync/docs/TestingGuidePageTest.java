package io.dossiersync.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/testing.md shows {@link TestingGuideExampleTest} verbatim: this test fails as soon as one of
 * them changes without the other. Paths are relative to the dossier-cli module directory, where
 * Maven runs the tests.
 */
class TestingGuidePageTest {

  private static final Path PAGE = Path.of("..", "docs", "testing.md");
  private static final Path EXAMPLE =
      Path.of("src", "test", "java", "io", "dossiersync", "docs", "TestingGuideExampleTest.java");

  @Test
  void thePageShowsTheExampleTestLineForLine() throws IOException {
    String page = Files.readString(PAGE);
    String example = Files.readString(EXAMPLE);
    int section = page.indexOf("## The whole example");
    assertThat(section).as("section '## The whole example' in %s", PAGE).isNotNegative();
    int start = page.indexOf("```java\n", section) + "```java\n".length();
    int end = page.indexOf("\n```", start);
    assertThat(page.substring(start, end)).isEqualTo(example.stripTrailing());
  }
}
