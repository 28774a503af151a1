package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature far larger than the heap (PRODUCT.md §3: a sync holds at most about 32 MiB of body text
 * at a time): 2,000 files of 400 KiB (800 MB of text) synced by a child JVM with {@code -Xmx256m}.
 * Expected: exit 0, every file {@code queued}, all 2,000 bodies in the queue file.
 */
class HostileLargeFeatureTest {

  private static final int FILES = 2_000;
  private static final int SIZE = 400 * 1024;

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void aFeatureOf2000Bodies400KiBEachSyncsIn256MiB() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    writeBodies(checkout.feature().resolve("research"));
    Path db = dir.resolve("queue.db");
    long start = System.nanoTime();

    CliRun run =
        ChildDossier.start(
                Map.of("DOSSIER_TOKEN", Recovery.TOKEN),
                "sync",
                checkout.feature().toString(),
                "--json",
                "--no-drain",
                "--db",
                db.toString())
            .await(540);

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(run.exitCode()).as("%s", run.stderr()).isZero();
    assertThat(run.stderr()).doesNotContain("OutOfMemoryError");
    long queued = 0;
    for (JsonNode artifact : run.json().get("artifacts")) {
      if (artifact.get("artifact_path").asText().startsWith("research/big-")) {
        assertThat(artifact.get("status").asText()).as("%s", artifact).isEqualTo("queued");
        queued++;
      }
    }
    assertThat(queued).isEqualTo(FILES);
    JsonNode status =
        CliRun.inProcess(Recovery.env(), "status", "--json", "--db", db.toString()).json();
    assertThat(status.at("/bodies/pending").asLong()).isGreaterThanOrEqualTo(FILES);
    System.out.printf(
        "[reliability] %d x %d KiB feature synced in -Xmx256m: %d ms%n",
        FILES, SIZE / 1024, millis);
  }

  private static void writeBodies(Path research) throws IOException {
    Files.createDirectories(research);
    byte[] body = new byte[SIZE];
    Arrays.fill(body, (byte) 'x');
    for (int i = 79; i < SIZE; i += 80) {
      body[i] = '\n';
    }
    for (int i = 0; i < FILES; i++) {
      byte[] head = String.format("# %05d\n", i).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(head, 0, body, 0, head.length);
      Files.write(research.resolve(String.format("big-%05d.md", i)), body);
    }
  }
}
