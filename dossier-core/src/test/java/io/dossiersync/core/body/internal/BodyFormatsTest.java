package io.dossiersync.core.body.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyFormatsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "spec.md, ''",
    "spec.MD, ''",
    "a.Json, ''",
    "a.yaml, ''",
    "a.YML, ''",
    "a.csv, ''",
    "notes.TXT, .TXT",
    "a.tar.gz, .gz",
    "Makefile, (no extension)",
    "dir.d/Makefile, (no extension)",
    ".env, (no extension)",
    "a.jsonl, .jsonl"
  })
  void formatFilterUsesTheLastExtensionCaseInsensitively(String path, String detail) {
    assertThat(BodyFormats.unsupportedDetail(path).orElse("")).isEqualTo(detail);
  }
}
