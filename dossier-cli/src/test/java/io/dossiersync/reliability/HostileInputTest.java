package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input table: each case spoils a valid checkout, runs {@code dossier sync FEATURE
 * --json --no-drain --db TEMP} in-process, and must end either in the documented outcome and reason
 * of PRODUCT.md §2 for the artifact (exit 0), or in one clear error line on stderr with exit 2 and
 * nothing enqueued (checked with {@code dossier status --json}); never a stack trace, never another
 * exit code. See {@link HostileContentCases}, {@link HostileNamespaceCases} and {@link
 * HostileLocalCases}.
 */
class HostileInputTest {

  @TempDir Path dir;

  static Stream<HostileCase> cases() {
    List<HostileCase> all = new ArrayList<>(HostileContentCases.all());
    all.addAll(HostileNamespaceCases.all());
    all.addAll(HostileLocalCases.all());
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(60) // a FIFO or a device read whole must never hang a case
  void endsInADocumentedReasonOrAClearError(HostileCase hostile) {
    run(hostile);
  }

  /** Skipped as root: chmod 000 does not stop root from reading, so the case cannot happen. */
  @Test
  void permissionDeniedFileIsNotPresentUnreadable() {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "running as root: chmod 000 does not deny root, so the file would be read");
    run(HostileContentCases.unreadable());
  }

  private void run(HostileCase hostile) {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    hostile.setup().accept(checkout);
    Path db = dir.resolve("queue.db");
    CliRun run = CliRun.inProcess(Recovery.env(), checkout.syncArgs(db));
    assertThat(run.exitCode()).as("exit code: %s", run).isIn(0, 1, 2);
    assertThat(run.stderr())
        .as("stack trace on stderr: %s", run)
        .doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(")
        .doesNotContain("Caused by:");
    JsonNode status =
        CliRun.inProcess(Recovery.env(), "status", "--json", "--db", db.toString()).json();
    if (hostile.expected() instanceof HostileCase.Refused refused) {
      assertRefused(run, refused, status);
    } else if (hostile.expected() instanceof HostileCase.Outcome outcome) {
      assertOutcome(run, outcome, status);
    } else if (hostile.expected() instanceof HostileCase.NotIndexed absent) {
      assertNotIndexed(run, absent);
    }
  }

  private static void assertRefused(CliRun run, HostileCase.Refused refused, JsonNode status) {
    assertThat(run.exitCode()).as("exit code: %s", run).isEqualTo(2);
    assertThat(run.stdout()).as("stdout of a refused sync").isEmpty();
    List<String> errors =
        run.stderr()
            .lines()
            .filter(l -> !l.startsWith("dossier: warning:") && !l.startsWith("Try '"))
            .toList();
    assertThat(errors).as("error lines: %s", run).isNotEmpty();
    if (refused.oneLine()) {
      assertThat(errors).as("error lines: %s", run).hasSize(1);
    }
    assertThat(errors.get(0)).startsWith("dossier: ").contains(refused.mentions());
    assertThat(status.at("/events/pending").asLong()).as("events enqueued").isZero();
    assertThat(status.at("/bodies/pending").asLong()).as("bodies enqueued").isZero();
  }

  private static void assertOutcome(CliRun run, HostileCase.Outcome outcome, JsonNode status) {
    assertThat(run.exitCode()).as("exit code: %s", run).isZero();
    JsonNode row =
        row(run.json(), outcome.path())
            .orElseThrow(() -> new AssertionError("no artifact " + outcome.path() + ": " + run));
    assertThat(row.get("status").asText())
        .as("status of %s", outcome.path())
        .isEqualTo(outcome.status());
    assertThat(row.get("reason").isNull() ? null : row.get("reason").asText())
        .as("reason of %s", outcome.path())
        .isEqualTo(outcome.reason());
    assertThat(status.at("/bodies/pending").asLong())
        .as("bodies in the queue")
        .isEqualTo(queuedRows(run.json()));
  }

  private static void assertNotIndexed(CliRun run, HostileCase.NotIndexed absent) {
    assertThat(run.exitCode()).as("exit code: %s", run).isZero();
    for (JsonNode artifact : run.json().get("artifacts")) {
      String path = artifact.get("artifact_path").asText();
      assertThat(path.equals(absent.path()) || path.startsWith(absent.path() + "/"))
          .as("%s is indexed: %s", path, artifact)
          .isFalse();
    }
    assertThat(row(run.json(), "spec.md")).as("the rest of the feature still syncs").isPresent();
  }

  private static Optional<JsonNode> row(JsonNode sync, String path) {
    for (JsonNode artifact : sync.get("artifacts")) {
      if (artifact.get("artifact_path").asText().equals(path)) {
        return Optional.of(artifact);
      }
    }
    return Optional.empty();
  }

  private static long queuedRows(JsonNode sync) {
    long queued = 0;
    for (JsonNode artifact : sync.get("artifacts")) {
      queued += "queued".equals(artifact.get("status").asText()) ? 1 : 0;
    }
    return queued;
  }
}
