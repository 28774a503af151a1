package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the ledger to {@code <dataDir>/ledger.jsonl}, one JSON object per line, flushed per line.
 * Holds no token and no body. A write failure is logged once and the journal stops writing; the
 * in-memory ledger is unaffected. Callers synchronize (the ledger does).
 */
final class LedgerJournal implements AutoCloseable {

  static final String FILE_NAME = "ledger.jsonl";
  private static final Logger LOG = LoggerFactory.getLogger(LedgerJournal.class);

  private final Path file;
  private final BufferedWriter writer;
  private boolean broken;

  private LedgerJournal(Path file, BufferedWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  static LedgerJournal open(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      return new LedgerJournal(
          file,
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the receiver ledger file " + file, e);
    }
  }

  void request(ReceivedRequest r) {
    ObjectNode line =
        Json.MAPPER
            .createObjectNode()
            .put("kind", "request")
            .put("sequence", r.sequence())
            .put("endpoint", r.endpoint().name().toLowerCase(java.util.Locale.ROOT))
            .put("received_at", r.receivedAt().toString())
            .put("status", r.status())
            .put("answer", r.answer())
            .put("event_count", r.eventCount());
    r.namespace().ifPresent(ns -> line.set("namespace", Json.namespace(ns)));
    r.artifactPath().ifPresent(p -> line.put("artifact_path", p));
    r.contentHash().ifPresent(h -> line.put("content_hash", h));
    r.contentBytes().ifPresent(n -> line.put("content_bytes", n));
    write(line);
  }

  void event(ReceivedEvent e) {
    ObjectNode line =
        Json.MAPPER
            .createObjectNode()
            .put("kind", "event")
            .put("received_at", e.receivedAt().toString())
            .put("event_id", e.eventId())
            .put("event_type", e.eventType())
            .put("aggregate_id", e.aggregateId())
            .put("project_uuid", e.projectUuid())
            .put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
    e.error().ifPresent(err -> line.put("error", err));
    write(line);
  }

  private void write(ObjectNode line) {
    if (broken) {
      return;
    }
    try {
      writer.write(Json.MAPPER.writeValueAsString(line));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      broken = true;
      LOG.warn(
          "receiver ledger file {} is not writable any more; keeping the ledger in memory",
          file,
          e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("cannot close the receiver ledger file {}", file, e);
    }
  }
}
