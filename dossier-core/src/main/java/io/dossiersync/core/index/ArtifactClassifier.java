package io.dossiersync.core.index;

import io.dossiersync.core.index.ExpectedArtifactManifest.SpecMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies hashed files into {@link ArtifactRef}s and adds the required artifacts that were not
 * found (PRODUCT.md §2). Not thread-safe: one instance per index.
 */
final class ArtifactClassifier {

  private static final Pattern WP_FILE = Pattern.compile("tasks/(WP[0-9]+)[^/]*\\.md");
  private static final PathGlob WORKFLOW_FILE = PathGlob.compile("tasks/WP*.md");

  private final IndexRequest request;
  private final ArtifactKeys keys = new ArtifactKeys();
  private final Set<String> specKeysSeen = new HashSet<>();
  private final List<ArtifactRef> artifacts = new ArrayList<>();

  ArtifactClassifier(IndexRequest request) {
    this.request = request;
  }

  /**
   * Adds one file.
   *
   * @param relativePath its path
   * @param hash the hash of its bytes, empty when it could not be read
   * @param sizeBytes the number of bytes hashed
   * @param error why it is absent, empty when it was read
   */
  void addFile(
      String relativePath,
      Optional<String> hash,
      long sizeBytes,
      Optional<ArtifactErrorReason> error) {
    Optional<SpecMatch> match = request.manifest().flatMap(m -> m.match(relativePath));
    String baseKey;
    ArtifactClass artifactClass;
    RequiredStatus required = RequiredStatus.OPTIONAL;
    Optional<String> step = Optional.empty();
    if (match.isPresent()) {
      ArtifactSpec spec = match.get().spec();
      baseKey = spec.artifactKey();
      artifactClass = spec.artifactClass();
      step = match.get().step();
      specKeysSeen.add(baseKey);
      if (request.manifest().get().isRequiredKey(baseKey)) {
        required = RequiredStatus.REQUIRED;
      }
    } else {
      baseKey = ArtifactKeys.unmatchedKey(relativePath);
      artifactClass =
          WORKFLOW_FILE.matches(relativePath) ? ArtifactClass.WORKFLOW : ArtifactClass.OTHER;
    }
    artifacts.add(
        new ArtifactRef(
            keys.unique(baseKey),
            artifactClass,
            relativePath,
            hash,
            sizeBytes,
            error.isEmpty(),
            error,
            required,
            wpId(relativePath),
            step));
  }

  /**
   * Finishes the dossier: adds a {@code not_found} artifact for every required spec (always, and
   * for the request's step) that no file matched. A spec whose file exists but is unreadable is
   * already represented by that file's absent artifact and gets no second entry.
   *
   * @return the dossier
   */
  MissionDossier finish() {
    request
        .manifest()
        .ifPresent(
            manifest -> {
              for (ArtifactSpec spec : manifest.requiredAt(request.step())) {
                if (specKeysSeen.add(spec.artifactKey())) {
                  artifacts.add(notFound(manifest, spec));
                }
              }
            });
    return MissionDossier.of(
        request.missionType(),
        request.step(),
        request.manifestVersion(),
        artifacts,
        request.manifest().isPresent());
  }

  private ArtifactRef notFound(ExpectedArtifactManifest manifest, ArtifactSpec spec) {
    boolean always = manifest.requiredAlways().contains(spec);
    return new ArtifactRef(
        keys.unique(spec.artifactKey()),
        spec.artifactClass(),
        spec.pathPattern(),
        Optional.empty(),
        0,
        false,
        Optional.of(ArtifactErrorReason.NOT_FOUND),
        RequiredStatus.REQUIRED,
        Optional.empty(),
        always ? Optional.empty() : request.step());
  }

  /**
   * The work package id of a file directly in {@code tasks/}: {@code WP01} for {@code
   * tasks/WP01-setup.md}.
   *
   * @param relativePath the path
   * @return the id, empty for other files
   */
  static Optional<String> wpId(String relativePath) {
    if (!relativePath.startsWith("tasks/WP")) {
      return Optional.empty();
    }
    Matcher m = WP_FILE.matcher(relativePath);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
