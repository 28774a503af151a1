package io.dossiersync.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
    "spec.md, spec.md, true",
    "spec.md, docs/spec.md, false",
    "spec.md, spec.mdx, false",
    "spec.md, Spec.md, false",
    "tasks/WP*.md, tasks/WP01.md, true",
    "tasks/WP*.md, tasks/WP.md, true",
    "tasks/WP*.md, tasks/WP01-http.md, true",
    "tasks/WP*.md, tasks/sub/WP01.md, false",
    "tasks/WP*.md, tasks/WP01/notes.md, false",
    "tasks/WP*.md, tasks/wp01.md, false",
    "docs/**/*.md, docs/a.md, true",
    "docs/**/*.md, docs/x/a.md, true",
    "docs/**/*.md, docs/x/y/a.md, true",
    "docs/**/*.md, docs/x/y/a.txt, false",
    "docs/**/*.md, other/docs/a.md, false",
    "docs/**, docs/x/y/a.txt, true",
    "?.md, a.md, true",
    "?.md, ab.md, false",
    "?/x.md, a/x.md, true",
    "a?b, a/b, false",
    "a.b(c)+[d], a.b(c)+[d], true",
    "a.b, axb, false",
    "**/x.md, x.md, true",
    "**/x.md, a/b/x.md, true"
  })
  void matchesTheWholeRelativePath(String pattern, String path, boolean expected) {
    assertThat(PathGlob.compile(pattern).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"tasks/WP*.md", "docs/**/*.md"})
  void keepsThePatternText(String pattern) {
    PathGlob glob = PathGlob.compile(pattern);
    assertThat(glob.pattern()).isEqualTo(pattern);
    assertThat(glob).hasToString(pattern);
  }
}
