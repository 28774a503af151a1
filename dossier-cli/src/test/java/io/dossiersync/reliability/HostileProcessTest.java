package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.cli.DossierCli;
import io.dossiersync.cli.JavaCommand;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile local inputs that need a process of their own (issue 15): a C locale, no home, a
 * queue file another process is writing, a large feature in a small heap. Each states its expected
 * outcome and reason code.
 */
class HostileProcessTest {

  private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LANG");

  @TempDir Path dir;

  /**
   * Expected: {@code queued} then stored as {@code research/café.md} (no reason code). The
   * launcher's own locale block runs under {@code LC_ALL=C} and starts the JVM as {@code ./dossier}
   * does.
   */
  @Test
  @Timeout(120)
  void aCLocaleRunThroughTheLauncherBlockUploadsCafeAsCafe() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    checkout.text("research/caf\u00e9.md", "# caf\u00e9\n");
    Path db = dir.resolve("queue.db");
    try (ReferenceReceiver receiver = Recovery.receiver()) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "bash",
                  "-c",
                  "set -euo pipefail\n"
                      + launcherLocaleBlock()
                      + "\nexec \"$0\" ${jvm_locale[@]+\"${jvm_locale[@]}\"} \"$@\""));
      command.addAll(
          JavaCommand.dossier(
              "sync",
              checkout.feature().toString(),
              "--json",
              "--db",
              db.toString(),
              "--server",
              receiver.baseUri().toString()));
      CliRun run =
          ChildDossier.start(command, env(Map.of("LC_ALL", "C")), LOCALE_VARIABLES).await(90);

      assertThat(run.exitCode()).as("%s", run).isZero();
      JsonNode row =
          row(run.json(), "research/caf\u00e9.md")
              .orElseThrow(() -> new AssertionError("no research/café.md in " + run));
      assertThat(row.get("status").asText()).isIn("uploaded", "queued");
      Recovery.drainToTheEnd(db, receiver, 60);
      NamespaceRef ns = Deliveries.namespace(run.json().get("namespace"));
      byte[] file = "# caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
      assertThat(
              receiver.ledger().storedBody(new BodyKey(ns, "research/caf\u00e9.md", sha256(file))))
          .contains("# caf\u00e9\n");
    }
  }

  /** Expected: without the launcher, a C locale makes the name {@code invalid_format}; exit 0. */
  @Test
  @Timeout(120)
  void aCLocaleRunWithoutTheLauncherSkipsCafeAsInvalidFormat() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    checkout.text("research/caf\u00e9.md", "# caf\u00e9\n");
    List<String> command =
        JavaCommand.dossier(
            "sync",
            checkout.feature().toString(),
            "--json",
            "--no-drain",
            "--db",
            dir.resolve("queue.db").toString());
    CliRun run =
        ChildDossier.start(command, env(Map.of("LC_ALL", "C")), LOCALE_VARIABLES).await(90);

    assertThat(run.exitCode()).as("%s", run).isZero();
    // The two bytes of é are each replaced by U+FFFD; stdout is ASCII under C, so they print as ?.
    JsonNode row =
        row(run.json(), "research/caf\uFFFD\uFFFD.md")
            .or(() -> row(run.json(), "research/caf??.md"))
            .orElseThrow(() -> new AssertionError("no replaced name in " + run));
    assertThat(row.get("reason").asText()).isEqualTo("not_present: invalid_format");
    assertThat(row(run.json(), "spec.md").orElseThrow().get("status").asText()).isEqualTo("queued");
  }

  /** Expected: exit 2 (usage), one line naming {@code DOSSIER_HOME}; nothing created. */
  @Test
  @Timeout(120)
  void noHomeIsAUsageErrorNamingDossierHome() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    List<String> command =
        JavaCommand.of(
            List.of("-Duser.home=?"),
            DossierCli.class.getName(),
            "sync",
            checkout.feature().toString(),
            "--no-drain",
            "--server",
            "http://127.0.0.1:9");
    CliRun run =
        ChildDossier.start(command, env(Map.of()), List.of("HOME", "DOSSIER_HOME", "DOSSIER_DB"))
            .await(90);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.stderr()).contains("DOSSIER_HOME").contains("user.home is '?'");
    assertThat(Files.exists(Path.of("?"))).as("no ./? directory").isFalse();
  }

  /**
   * Expected: {@code status}, {@code failures} and {@code purge} (dry run) answer, exit 0, while
   * another process holds a write transaction on the queue file (they take no write lock).
   */
  @Test
  @Timeout(120)
  void readOnlyCommandsAnswerWhileAnotherProcessHoldsTheWriteLock() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    Path db = dir.resolve("queue.db");
    Recovery.syncNoDrain(checkout.feature(), db);
    List<String> holderCommand =
        JavaCommand.of(List.of(), WriteLockHolder.class.getName(), db.toString(), "60");
    try (ChildDossier holder = ChildDossier.start(holderCommand, Map.of(), List.of())) {
      assertThat(holder.awaitStderr("locked"::equals, 1, 60_000)).as("lock taken").isTrue();
      for (String[] args :
          List.of(
              new String[] {"status", "--json", "--db", db.toString()},
              new String[] {"failures", "--db", db.toString()},
              new String[] {"purge", "--feature", HostileCheckout.SLUG, "--db", db.toString()})) {
        long start = System.nanoTime();
        CliRun run = CliRun.inProcess(Recovery.env(), args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitCode()).as("%s: %s", args[0], run).isZero();
        assertThat(holder.alive()).as("%s answered while the lock was held", args[0]).isTrue();
        System.out.printf(
            "[reliability] %s under another process's write lock: %d ms%n", args[0], millis);
      }
    }
  }

  /**
   * Expected: exit 1 with one line naming the file and "another application"; the file keeps its
   * bytes (never switched to WAL, no queue tables added).
   */
  @Test
  void aForeignSqliteFileIsRefusedUntouched() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    Path db = dir.resolve("contacts.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE contacts (name TEXT)");
      st.execute("PRAGMA user_version = 3");
    }
    byte[] before = Files.readAllBytes(db);

    CliRun run = Recovery.syncNoDrainTable(checkout.feature(), db);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.stderr().lines().toList()).hasSize(1);
    assertThat(run.stderr()).contains(db.toString()).contains("another application");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    assertThat(Files.exists(dir.resolve("contacts.db-wal"))).isFalse();
  }

  /**
   * Expected: the {@code sync} table (no {@code --json}) never prints a raw ESC: the file named
   * with a terminal escape is {@code skipped}, {@code not_present: invalid_format}, under its
   * U+FFFD name, and every other cell passes through the table's control-character escaping.
   */
  @Test
  void theSyncTableNeverPrintsATerminalEscape() {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    checkout.text("research/red\u001b[31m.md", "# red\n");

    CliRun run = Recovery.syncNoDrainTable(checkout.feature(), dir.resolve("queue.db"));

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.stdout())
        .doesNotContain("\u001b")
        .contains("research/red\uFFFD[31m.md")
        .contains("not_present: invalid_format");
    assertThat(run.stderr()).doesNotContain("\u001b");
  }

  /** Expected: the queue directories the sync creates are 0700, the queue file 0600. */
  @Test
  void theQueueASyncCreatesIsPrivate() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    Path db = dir.resolve("home/queues/queue.db");

    Recovery.syncNoDrain(checkout.feature(), db);

    assertThat(mode(dir.resolve("home"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("home/queues"))).isEqualTo("rwx------");
    assertThat(mode(db)).isEqualTo("rw-------");
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(Recovery.env());
    env.putAll(extra);
    return env;
  }

  /** The locale block of {@code ./dossier}, between its markers. */
  static String launcherLocaleBlock() throws IOException {
    String script = Files.readString(Path.of("..", "dossier"));
    int start = script.indexOf("# --- Locale");
    int end = script.indexOf("# --- end of the locale block");
    assertThat(start).as("locale block in ./dossier").isNotNegative();
    return script.substring(start, end);
  }

  private static Optional<JsonNode> row(JsonNode sync, String path) {
    for (JsonNode artifact : sync.get("artifacts")) {
      if (artifact.get("artifact_path").asText().equals(path)) {
        return Optional.of(artifact);
      }
    }
    return Optional.empty();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
