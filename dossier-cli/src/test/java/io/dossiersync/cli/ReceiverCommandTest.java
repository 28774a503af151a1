package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dossier receiver} in its own process (it runs until stopped): a sync against it delivers
 * every body, and {@code --data} keeps a ledger of what it received, never the token.
 */
class ReceiverCommandTest {

  private static final Pattern LISTENING =
      Pattern.compile("reference receiver listening on (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path dir;

  @Test
  void syncAgainstTheReceiverCommandDeliversEveryBody() throws Exception {
    CliWorld world = new CliWorld(dir, "047-body-sync");
    Path data = dir.resolve("receiver-data");
    Process receiver = startReceiver(data);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first)
          .as("first line of dossier receiver")
          .isNotNull()
          .contains("(token required)");
      Matcher url = LISTENING.matcher(first);
      assertThat(url.find()).as(first).isTrue();

      CliRun sync =
          world.run(
              "sync",
              List.of("--server", url.group(1), "--db", world.db().toString()),
              "--json",
              world.feature(0).dir().toString());

      assertThat(sync.exit()).as(sync.transcript()).isZero();
      long uploaded = OfflineSyncThenDrainTest.countStatus(sync.json(), "uploaded");
      assertThat(uploaded).isPositive();
      assertThat(sync.json().get("pending").get("bodies").asLong()).isZero();
    } finally {
      receiver.destroy();
      assertThat(receiver.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    List<Path> ledgerFiles;
    try (var files = Files.list(data)) {
      ledgerFiles = files.toList();
    }
    assertThat(ledgerFiles).isNotEmpty();
    StringBuilder ledger = new StringBuilder();
    for (Path file : ledgerFiles) {
      ledger.append(Files.readString(file));
    }
    assertThat(ledger).contains("spec.md").doesNotContain(CliWorld.TOKEN);
  }

  @Test
  void aPortOutOfRangeIsBadUsage() {
    CliRun run = CliRun.of(Map.of(), "receiver", "--port", "70000");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--port");
  }

  private static Process startReceiver(Path data) throws IOException {
    List<String> command =
        JavaCommand.dossier("receiver", "--port", "0", "--data", data.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("DOSSIER_TOKEN", CliWorld.TOKEN);
    return builder.start();
  }
}
