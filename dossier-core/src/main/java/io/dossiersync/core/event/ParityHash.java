package io.dossiersync.core.event;

import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.internal.CodePointOrder;
import io.dossiersync.core.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parity hash of a dossier (PRODUCT.md §2): for the present artifacts, the lines {@code
 * <relative_path>\t<content_hash>} sorted by path in code-point order, joined with {@code \n} (no
 * trailing newline), SHA-256 of their UTF-8 bytes, written {@code sha256:<hex>}. No present
 * artifact gives {@code sha256:} and the SHA-256 of the empty string. Stateless and thread-safe.
 */
final class ParityHash {

  /** The prefix of every parity hash. */
  public static final String PREFIX = "sha256:";

  private ParityHash() {}

  /**
   * Computes the parity hash.
   *
   * @param artifacts a dossier's artifacts; absent ones are ignored
   * @return {@code sha256:<64 hex>}
   */
  public static String of(List<ArtifactRef> artifacts) {
    String text =
        artifacts.stream()
            .filter(ArtifactRef::isPresent)
            .sorted(Comparator.comparing(ArtifactRef::relativePath, CodePointOrder.INSTANCE))
            .map(a -> a.relativePath() + "\t" + a.contentHashSha256().orElseThrow())
            .collect(Collectors.joining("\n"));
    return PREFIX + Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
