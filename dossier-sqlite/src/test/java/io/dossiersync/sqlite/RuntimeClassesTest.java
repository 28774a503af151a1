package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: jOOQ authors the SQL at build time only. A child JVM on the test class path (jOOQ is on
 * it) runs a store's whole life and logs every class it loads; none may be jOOQ's.
 */
class RuntimeClassesTest {

  @TempDir Path dir;

  @Test
  void aStoreRoundTripLoadsNoJooqClass() throws Exception {
    Path log = dir.resolve("classes.log");
    Path out = dir.resolve("out.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                StoreRoundTrip.class.getName(),
                dir.resolve("queue.db").toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("settled 2", "pending 0");

    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(loaded)
        .as("the class log names the store's own classes")
        .anyMatch(line -> line.contains("io.dossiersync.sqlite.internal.Database "))
        .anyMatch(line -> line.contains("org.sqlite."));
    assertThat(loaded).filteredOn(line -> line.contains(" org.jooq.")).isEmpty();
  }
}
