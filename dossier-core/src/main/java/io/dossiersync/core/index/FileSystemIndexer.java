package io.dossiersync.core.index;

import io.dossiersync.core.internal.CodePointOrder;
import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.internal.Walked;
import io.dossiersync.core.internal.WalkedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Indexer}: walks a feature directory on the local file system (PRODUCT.md §2).
 *
 * <ul>
 *   <li>Files are listed recursively and sorted by relative path in code-point order ({@link
 *       CodePointOrder}); every path with a component starting with {@code .} is skipped; only
 *       regular files are indexed; a symlink is followed only when its real target is a regular
 *       file inside the feature directory (else skipped with a DEBUG log), and symlinked
 *       directories are not descended.
 *   <li>Every file is hashed whatever its type or size: the SHA-256 of its raw bytes, streamed
 *       through a fixed buffer, never decoded. A file that cannot be read is absent with {@code
 *       unreadable}; one that vanished between listing and reading with {@code deleted_after_scan}.
 *       One bad file never aborts the index. A name that cannot be carried (not decodable in the
 *       host's file-name encoding, or holding {@code \} or a control character) is absent with
 *       {@code invalid_format}, under its name with U+FFFD replacements. A file is opened without
 *       following a final symlink, and is checked before and after hashing to be the walked one
 *       (real path inside the feature directory, same file key), else {@code deleted_after_scan}.
 *   <li>Files are classified by the request's manifest (see {@link ExpectedArtifactManifest});
 *       unmatched files get the key {@code artifact.<sanitised path>} and the class {@code
 *       workflow} ({@code tasks/WP*.md}) or {@code other}. Clashing keys get {@code -2}, {@code -3}
 *       suffixes. Required specs with no file are appended as {@code not_found} artifacts.
 * </ul>
 *
 * <p>Stateless and thread-safe: concurrent {@link #index} calls share nothing. The result is a
 * snapshot: files may change after they were hashed, which the body re-hash check catches.
 *
 * @since 0.1.0
 */
public final class FileSystemIndexer implements Indexer {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemIndexer.class);
  private static final int BUFFER_SIZE = 64 * 1024;

  private final FileOpener opener;

  /** Creates an indexer over the default file system. */
  public FileSystemIndexer() {
    this(FileOpener.FILES);
  }

  FileSystemIndexer(FileOpener opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  @Override
  public MissionDossier index(Path featureDir, IndexRequest request) {
    return indexWalked(featureDir, request).dossier();
  }

  /**
   * Indexes a feature directory and keeps, for every file it hashed, the walked path and file key
   * that the body read verifies against (PRODUCT.md §2 eligibility step 5). Internal: used by the
   * pipeline.
   *
   * @param featureDir an existing directory
   * @param request what to index for
   * @return the dossier and its walked files
   */
  public Walked<MissionDossier> indexWalked(Path featureDir, IndexRequest request) {
    Objects.requireNonNull(featureDir, "featureDir");
    Objects.requireNonNull(request, "request");
    ArtifactClassifier classifier = new ArtifactClassifier(request);
    Map<String, WalkedFile> files = new HashMap<>();
    Path realRoot;
    try {
      realRoot = featureDir.toRealPath();
    } catch (IOException e) {
      LOG.warn("cannot resolve feature directory {}: {}", featureDir, e.toString());
      return new Walked<>(classifier.finish(), files);
    }
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[BUFFER_SIZE];
    for (FeatureWalker.Entry entry : FeatureWalker.walk(featureDir)) {
      if (!entry.carriable()) {
        classifier.addFile(
            entry.relativePath(),
            Optional.empty(),
            0,
            Optional.of(ArtifactErrorReason.INVALID_FORMAT));
        continue;
      }
      WalkedFile file = new WalkedFile(entry.path(), entry.fileKey(), realRoot);
      if (hashInto(entry.relativePath(), file, digest, buffer, classifier)) {
        files.put(entry.relativePath(), file);
      }
    }
    return new Walked<>(classifier.finish(), files);
  }

  /** Hashes one file, checking before and after that it is the walked one; true when present. */
  private boolean hashInto(
      String relativePath,
      WalkedFile file,
      MessageDigest digest,
      byte[] buffer,
      ArtifactClassifier out) {
    digest.reset();
    long size = 0;
    Optional<ArtifactErrorReason> error = Optional.empty();
    try {
      if (!file.isStillIndexed()) {
        throw new NoSuchFileException(relativePath, null, "no longer the walked file");
      }
      try (InputStream in = opener.open(file.path())) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
          size += n;
        }
      }
      if (!file.isStillIndexed()) {
        throw new NoSuchFileException(relativePath, null, "replaced while it was hashed");
      }
    } catch (NoSuchFileException e) {
      LOG.debug(
          "{} vanished or was replaced before it was hashed: {}", relativePath, e.getReason());
      error = Optional.of(ArtifactErrorReason.DELETED_AFTER_SCAN);
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} is unreadable: {}", relativePath, e.toString());
      error = Optional.of(ArtifactErrorReason.UNREADABLE);
    }
    if (error.isPresent()) {
      out.addFile(relativePath, Optional.empty(), 0, error);
      return false;
    }
    out.addFile(relativePath, Optional.of(Sha256.toHex(digest.digest())), size, Optional.empty());
    return true;
  }
}
