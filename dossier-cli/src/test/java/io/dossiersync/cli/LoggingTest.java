package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CLI's logging setup pins HttpClient's wire and header loggers off, even with -v. */
class LoggingTest {

  @Test
  void wireAndHeaderLoggersArePinnedOffEvenWhenVerbose() {
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers", "debug");

    Logging.configure(new String[] {"drain", "-v"});

    assertThat(System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire"))
        .isEqualTo("off");
    assertThat(System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers"))
        .isEqualTo("off");
  }
}
