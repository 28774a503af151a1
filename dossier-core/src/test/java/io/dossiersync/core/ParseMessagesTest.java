package io.dossiersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dossiersync.core.internal.ParseMessages;
import org.junit.jupiter.api.Test;

class ParseMessagesTest {

  @Test
  void aYamlSyntaxErrorIsOneLineWithItsPlace() {
    JacksonException e =
        catchThrowableOfType(
            JacksonException.class,
            () ->
                new ObjectMapper(new YAMLFactory())
                    .readTree("project:\n  uuid: [unclosed\n  x: : y\n"));

    String message = ParseMessages.oneLine(e);

    assertThat(message).doesNotContain("\n").matches(".+ \\(line \\d+, column \\d+\\)");
  }

  @Test
  void aJsonSyntaxErrorIsOneLineWithItsPlace() {
    JacksonException e =
        catchThrowableOfType(
            JacksonException.class, () -> new ObjectMapper().readTree("{ \"target_branch\": }"));

    assertThat(ParseMessages.oneLine(e)).doesNotContain("\n").contains("(line 1, column");
  }
}
