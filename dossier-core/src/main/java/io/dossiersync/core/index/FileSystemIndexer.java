package io.dossiersync.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
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
 *       One bad file never aborts the index.
 *   <li>Files are classified by the request's manifest (see {@link ExpectedArtifactManifest});
 *       unmatched files get the key {@code artifact.<sanitised path>} and the class {@code
 *       workflow} ({@code tasks/WP*.md}) or {@code other}. Clashing keys get {@code -2}, {@code -3}
 *       suffixes. Required specs with no file are appended as {@code not_found} artifacts.
 * </ul>
 *
 * <p>Stateless and thread-safe: concurrent {@link #index} calls share nothing. The result is a
 * snapshot: files may change after they were hashed, which the body re-hash check catches.
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
    Objects.requireNonNull(featureDir, "featureDir");
    Objects.requireNonNull(request, "request");
    ArtifactClassifier classifier = new ArtifactClassifier(request);
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[BUFFER_SIZE];
    for (FeatureWalker.Entry entry : FeatureWalker.walk(featureDir)) {
      hashInto(entry, digest, buffer, classifier);
    }
    return classifier.finish();
  }

  private void hashInto(
      FeatureWalker.Entry entry, MessageDigest digest, byte[] buffer, ArtifactClassifier out) {
    digest.reset();
    long size = 0;
    try (InputStream in = opener.open(entry.path())) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        size += n;
      }
    } catch (NoSuchFileException e) {
      LOG.debug("{} vanished before it was hashed", entry.relativePath());
      out.addFile(
          entry.relativePath(),
          Optional.empty(),
          0,
          Optional.of(ArtifactErrorReason.DELETED_AFTER_SCAN));
      return;
    } catch (IOException e) {
      LOG.debug("{} is unreadable: {}", entry.relativePath(), e.toString());
      out.addFile(
          entry.relativePath(), Optional.empty(), 0, Optional.of(ArtifactErrorReason.UNREADABLE));
      return;
    }
    out.addFile(
        entry.relativePath(), Optional.of(Sha256.toHex(digest.digest())), size, Optional.empty());
  }
}
