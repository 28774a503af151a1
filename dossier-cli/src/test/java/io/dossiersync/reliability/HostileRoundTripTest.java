package io.dossiersync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files that are eligible (UTF-8 BOM, NUL bytes, 524,287 and 524,288 bytes, unicode,
 * decomposed, emoji and very long names, a deep path, an internal symlink) all in one feature,
 * synced and drained through the CLI to the reference receiver: each arrives stored once, byte for
 * byte (the receiver checks the SHA-256 of {@code content_body}; this test also compares the stored
 * text with the file), so nothing is mangled between file, queue and wire.
 */
class HostileRoundTripTest {

  @TempDir Path dir;

  @Test
  void eligibleHostileFilesArriveByteForByte() throws Exception {
    HostileCheckout checkout = new HostileCheckout(dir.resolve("checkout"));
    List<HostileCase.Outcome> queued =
        HostileContentCases.all().stream()
            .filter(
                c -> c.expected() instanceof HostileCase.Outcome o && o.status().equals("queued"))
            .peek(c -> c.setup().accept(checkout))
            .map(c -> (HostileCase.Outcome) c.expected())
            .toList();
    Path db = dir.resolve("queue.db");
    try (ReferenceReceiver receiver = Recovery.receiver()) {
      JsonNode json = Recovery.syncOnline(checkout.feature(), db, receiver);
      Recovery.drainToTheEnd(db, receiver, 60);
      NamespaceRef namespace = Deliveries.namespace(json.get("namespace"));
      Deliveries.assertDeliveredExactlyOnce(receiver.ledger(), Deliveries.acknowledged(json));
      for (HostileCase.Outcome outcome : queued) {
        byte[] file = Files.readAllBytes(checkout.feature().resolve(outcome.path()));
        BodyKey key = new BodyKey(namespace, outcome.path(), sha256(file));
        assertThat(receiver.ledger().storedBody(key))
            .as("stored body of %s", outcome.path())
            .contains(new String(file, StandardCharsets.UTF_8));
        assertThat(receiver.ledger().storeCount(key)).isEqualTo(1);
      }
      System.out.printf(
          "[reliability] hostile-round-trip eligible=%d all stored byte for byte%n", queued.size());
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
