package io.dossiersync.cli;

import io.dossiersync.core.queue.FailureRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier failures}: the failure records, oldest first (PRODUCT.md §3, §6). */
@Command(
    name = "failures",
    mixinStandardHelpOptions = true,
    description = "List the tasks that left the queue without success, with their reasons.",
    footer = {"", "Examples:", "  dossier failures", "  dossier failures --json --limit 50"})
final class FailuresCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Most records to list (default: ${DEFAULT-VALUE}).")
  int limit;

  private final CliIo io;

  FailuresCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw CliException.usage("--limit must be at least 1, got " + limit);
    }
    try (CliSession session = CliSession.open(common, io)) {
      List<FailureRecord> records = session.store().failures().list(limit);
      if (common.json) {
        List<Map<String, Object>> list = new ArrayList<>();
        records.forEach(r -> list.add(json(r)));
        Json.print(io.out(), Json.object("failures", list));
      } else {
        Table table =
            new Table("ID", "KIND", "FEATURE", "PATH", "REASON", "ATTEMPTS", "LAST_FAILED_AT");
        records.forEach(
            r ->
                table.row(
                    String.valueOf(r.id()),
                    r.kind().wireName(),
                    r.featureSlug(),
                    r.artifactPath().orElse("-"),
                    r.reason(),
                    String.valueOf(r.attempts()),
                    r.lastFailedAt().toString()));
        table.print(io.out());
        io.out()
            .println(
                records.size()
                    + " failure records; re-queue with 'dossier requeue ID…'"
                    + " or 'dossier requeue --all'");
      }
      return ExitCode.OK;
    }
  }

  private static Map<String, Object> json(FailureRecord r) {
    return Json.object(
        "id", r.id(),
        "kind", r.kind().wireName(),
        "project_uuid", r.projectUuid(),
        "feature_slug", r.featureSlug(),
        "artifact_path", r.artifactPath().orElse(null),
        "content_hash", r.contentHash().orElse(null),
        "reason", r.reason(),
        "attempts", r.attempts(),
        "first_failed_at", r.firstFailedAt().toString(),
        "last_failed_at", r.lastFailedAt().toString());
  }
}
