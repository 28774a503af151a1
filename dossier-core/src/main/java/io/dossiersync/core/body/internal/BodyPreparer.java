package io.dossiersync.core.body.internal;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.body.OutcomeReasons;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.internal.StrictUtf8;
import io.dossiersync.core.internal.WalkedFile;
import io.dossiersync.core.queue.BodyUploadTask;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides body eligibility and reads eligible bodies (PRODUCT.md §2). The checks run in this order,
 * the first failure giving a {@code skipped} outcome:
 *
 * <ol>
 *   <li>present, else {@code not_present: <error_reason>};
 *   <li>on a surface of the {@link SurfacePolicy}, else {@code unsupported_surface};
 *   <li>a supported format ({@link BodyFormats}), else {@code unsupported_format: <ext>};
 *   <li>at most {@value OutcomeReasons#INLINE_LIMIT_BYTES} bytes, else {@code oversized: <n> bytes
 *       > 524288 limit};
 *   <li>re-hash race check: the file is read once now and its SHA-256 compared with the index's;
 *       missing now gives {@code deleted_after_scan}, different bytes {@code
 *       content_hash_mismatch}, a failed read {@code read_error: <what>}. The walked path is opened
 *       without following a final symlink, and a file that is no longer the walked one (its real
 *       path left the feature directory, e.g. a directory swapped for a symlink, or its file key
 *       changed) is {@code deleted_after_scan};
 *   <li>valid UTF-8 by strict decoding (no replacement), else {@code not_valid_utf8};
 *   <li>not empty, else {@code empty_content}.
 * </ol>
 *
 * <p>Reading never takes more than the inline limit plus one byte into memory. Thread-safe: every
 * call uses its own decoder and digest. Nothing is thrown for a file problem.
 */
public final class BodyPreparer {

  private static final int READ_LIMIT = (int) OutcomeReasons.INLINE_LIMIT_BYTES + 1;

  private final SurfacePolicy surfaces;
  private final Supplier<String> uploadIds;
  private final BodyReader reader;

  /**
   * Creates a preparer.
   *
   * @param surfaces the surfaces whose bodies are synced
   * @param uploadIds a source of unique upload ids (ULIDs) for the tasks
   */
  public BodyPreparer(SurfacePolicy surfaces, Supplier<String> uploadIds) {
    this(surfaces, uploadIds, BodyReader.FILES);
  }

  BodyPreparer(SurfacePolicy surfaces, Supplier<String> uploadIds, BodyReader reader) {
    this.surfaces = Objects.requireNonNull(surfaces, "surfaces");
    this.uploadIds = Objects.requireNonNull(uploadIds, "uploadIds");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * Prepares one artifact's body, resolving its file now (for a dossier of a host's own indexer).
   *
   * @param featureDir the feature directory the artifact was indexed in
   * @param namespace the namespace of the upload task
   * @param artifact the indexed artifact
   * @return an eligible task, or a skipped outcome with its reason
   */
  public PreparedBody prepare(Path featureDir, NamespaceRef namespace, ArtifactRef artifact) {
    return prepare(featureDir, namespace, artifact, Optional.empty());
  }

  /**
   * Prepares one artifact's body from the file the indexer walked: that path is opened (never one
   * rebuilt from the relative path), without following a final symlink, and it must still be the
   * walked file before and after the read (real path inside the feature directory, same file key),
   * else the outcome is {@code deleted_after_scan}.
   *
   * @param featureDir the feature directory the artifact was indexed in
   * @param namespace the namespace of the upload task
   * @param artifact the indexed artifact
   * @param walked the file the indexer walked for it; empty: resolve the relative path now
   * @return an eligible task, or a skipped outcome with its reason
   */
  public PreparedBody prepare(
      Path featureDir, NamespaceRef namespace, ArtifactRef artifact, Optional<WalkedFile> walked) {
    String path = artifact.relativePath();
    if (!artifact.isPresent()) {
      return skip(artifact, OutcomeReasons.notPresent(artifact.errorReason().orElseThrow()));
    }
    if (!surfaces.isSupported(path)) {
      return skip(artifact, OutcomeReasons.UNSUPPORTED_SURFACE);
    }
    Optional<String> format = BodyFormats.unsupportedDetail(path);
    if (format.isPresent()) {
      return skip(artifact, OutcomeReasons.unsupportedFormat(format.get()));
    }
    if (artifact.sizeBytes() > OutcomeReasons.INLINE_LIMIT_BYTES) {
      return skip(artifact, OutcomeReasons.oversized(artifact.sizeBytes()));
    }
    byte[] bytes;
    try {
      WalkedFile file = walked.isPresent() ? walked.get() : WalkedFile.resolveNow(featureDir, path);
      if (!file.isStillIndexed()) {
        return skip(artifact, OutcomeReasons.DELETED_AFTER_SCAN);
      }
      bytes = reader.read(file.path(), READ_LIMIT);
      if (!file.isStillIndexed()) {
        return skip(artifact, OutcomeReasons.DELETED_AFTER_SCAN);
      }
    } catch (NoSuchFileException e) {
      return skip(artifact, OutcomeReasons.DELETED_AFTER_SCAN);
    } catch (IOException e) {
      return skip(artifact, OutcomeReasons.readError(describe(e)));
    } catch (RuntimeException e) {
      return skip(artifact, OutcomeReasons.readError(e.getClass().getSimpleName()));
    }
    String hash = Sha256.hex(bytes);
    if (!Optional.of(hash).equals(artifact.contentHashSha256())) {
      return skip(artifact, OutcomeReasons.CONTENT_HASH_MISMATCH);
    }
    Optional<String> body = StrictUtf8.decode(bytes);
    if (body.isEmpty()) {
      return skip(artifact, OutcomeReasons.NOT_VALID_UTF8);
    }
    if (bytes.length == 0) {
      return skip(artifact, OutcomeReasons.EMPTY_CONTENT);
    }
    return new PreparedBody.Eligible(
        artifact,
        new BodyUploadTask(uploadIds.get(), namespace, path, hash, body.get(), bytes.length));
  }

  private static String describe(IOException e) {
    if (e instanceof FileSystemException fse) {
      String reason = fse.getReason();
      return e.getClass().getSimpleName() + (reason == null ? "" : " (" + reason + ")");
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static PreparedBody skip(ArtifactRef artifact, String reason) {
    return new PreparedBody.Skipped(
        artifact,
        UploadOutcome.skipped(artifact.relativePath(), reason, artifact.contentHashSha256()));
  }
}
