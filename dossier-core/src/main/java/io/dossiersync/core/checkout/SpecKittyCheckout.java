package io.dossiersync.core.checkout;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.index.ExpectedArtifactManifest;
import io.dossiersync.core.index.ManifestException;
import io.dossiersync.core.index.ManifestLoader;
import io.dossiersync.core.index.ManifestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a feature's namespace from a spec-kitty checkout (PRODUCT.md §9).
 *
 * <ul>
 *   <li>{@code project_uuid}: {@code project.uuid} of {@code .kittify/config.yaml} in the nearest
 *       strict ancestor of the feature directory that has one (the feature directory itself does
 *       not count).
 *   <li>{@code feature_slug}: the directory name; a different {@code mission_slug}, {@code
 *       feature_slug} or {@code slug} in {@code meta.json} is reported as a warning.
 *   <li>{@code target_branch}: {@code target_branch} of {@code meta.json}, required.
 *   <li>{@code mission_key}: {@code mission_type}, else {@code mission}, else {@code software-dev}.
 *   <li>{@code manifest_version}: from the mission type's manifest (the registry's, else the
 *       checkout's {@code packs/built-in/missions/<type>/expected-artifacts.yaml}), else {@code
 *       "1"}.
 * </ul>
 *
 * <p>Every {@link NamespaceOverrides} value present wins, and a file needed only for overridden
 * fields is not read. A missing or unparsable file, or a field that is absent, blank or of the
 * wrong type, gives a {@link CheckoutException} naming the file and the field. Stateless and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class SpecKittyCheckout {

  /** The file holding the project UUID, relative to the project root. */
  public static final String CONFIG_FILE = ".kittify/config.yaml";

  /** The feature metadata file, relative to the feature directory. */
  public static final String META_FILE = "meta.json";

  /** The mission key used when {@code meta.json} names none. */
  public static final String DEFAULT_MISSION_KEY = "software-dev";

  private static final Pattern SAFE_MISSION_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final ManifestRegistry manifests;

  /** A reader that knows the built-in manifests. */
  public SpecKittyCheckout() {
    this(ManifestRegistry.builtIn());
  }

  /**
   * A reader that looks manifests up in a registry first.
   *
   * @param manifests the manifests known to the host
   */
  public SpecKittyCheckout(ManifestRegistry manifests) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /**
   * Reads a namespace with no overrides.
   *
   * @param featureDir a {@code kitty-specs/<slug>} directory
   * @return the namespace and what was learnt
   * @throws CheckoutException when the checkout does not give a valid namespace
   */
  public CheckoutNamespace read(Path featureDir) {
    return read(featureDir, NamespaceOverrides.none());
  }

  /**
   * Reads a namespace.
   *
   * @param featureDir a {@code kitty-specs/<slug>} directory
   * @param overrides explicit values, which win
   * @return the namespace and what was learnt
   * @throws CheckoutException when the checkout does not give a valid namespace
   */
  public CheckoutNamespace read(Path featureDir, NamespaceOverrides overrides) {
    Path dir = featureDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new CheckoutException(
          "feature directory " + dir + " does not exist or is not a directory");
    }
    Path nameElement = dir.getFileName();
    String slug = nameElement == null ? "" : nameElement.toString();
    List<String> warnings = new ArrayList<>();
    Optional<Path> root = findProjectRoot(dir);
    String projectUuid = overrides.projectUuid().orElseGet(() -> readProjectUuid(dir, root));
    Optional<CheckoutFile> meta = readMeta(dir, overrides);
    meta.ifPresent(m -> checkSlugs(m, slug, warnings));
    String targetBranch =
        overrides.targetBranch().orElseGet(() -> requiredTargetBranch(meta.orElseThrow()));
    String missionKey = overrides.missionKey().orElseGet(() -> missionKey(meta.orElseThrow()));
    Optional<ExpectedArtifactManifest> manifest = findManifest(missionKey, root);
    String manifestVersion =
        overrides
            .manifestVersion()
            .orElseGet(
                () ->
                    manifest
                        .map(ExpectedArtifactManifest::manifestVersion)
                        .orElse(ExpectedArtifactManifest.DEFAULT_MANIFEST_VERSION));
    NamespaceRef namespace;
    try {
      namespace = new NamespaceRef(projectUuid, slug, targetBranch, missionKey, manifestVersion);
    } catch (IllegalArgumentException e) {
      throw new CheckoutException(e.getMessage() + " (feature directory " + dir + ")", e);
    }
    return new CheckoutNamespace(namespace, root, missionKey, manifest, warnings);
  }

  /**
   * The nearest strict ancestor holding {@code .kittify/config.yaml}.
   *
   * @param featureDir an absolute, normalised feature directory
   * @return the project root, empty when no ancestor has the file
   */
  static Optional<Path> findProjectRoot(Path featureDir) {
    for (Path dir = featureDir.getParent(); dir != null; dir = dir.getParent()) {
      Path config = dir.resolve(CONFIG_FILE);
      // Any file counts (a FIFO or a device too), so that the bounded read refuses it clearly.
      if (Files.exists(config) && !Files.isDirectory(config)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static String readProjectUuid(Path dir, Optional<Path> root) {
    if (root.isEmpty()) {
      throw new CheckoutException(
          "no "
              + CONFIG_FILE
              + " in any parent directory of "
              + dir
              + ": cannot read project.uuid; give the project UUID explicitly");
    }
    CheckoutFile config = CheckoutFile.yaml(root.get().resolve(CONFIG_FILE));
    return config
        .string("project.uuid")
        .filter(s -> !s.isBlank())
        .orElseThrow(
            () ->
                new CheckoutException(
                    "field project.uuid is missing or blank in "
                        + config.file()
                        + "; give the project UUID explicitly"));
  }

  private static Optional<CheckoutFile> readMeta(Path dir, NamespaceOverrides overrides) {
    Path file = dir.resolve(META_FILE);
    boolean needed = overrides.targetBranch().isEmpty() || overrides.missionKey().isEmpty();
    if (!needed && !Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(CheckoutFile.json(file));
  }

  private static void checkSlugs(CheckoutFile meta, String slug, List<String> warnings) {
    for (String field : List.of("mission_slug", "feature_slug", "slug")) {
      if (meta.isNonString(field)) {
        warnings.add(meta.file() + ": " + field + " is not a string; ignored");
        continue;
      }
      meta.string(field)
          .filter(value -> !value.equals(slug))
          .ifPresent(
              value ->
                  warnings.add(
                      meta.file()
                          + ": "
                          + field
                          + " '"
                          + value
                          + "' differs from the directory name '"
                          + slug
                          + "'; the directory name is used"));
    }
  }

  private static String requiredTargetBranch(CheckoutFile meta) {
    return meta.string("target_branch")
        .filter(s -> !s.isBlank())
        .orElseThrow(
            () ->
                new CheckoutException(
                    "field target_branch is missing or blank in "
                        + meta.file()
                        + "; give the target branch explicitly"));
  }

  private static String missionKey(CheckoutFile meta) {
    return meta.string("mission_type")
        .filter(s -> !s.isBlank())
        .or(() -> meta.string("mission").filter(s -> !s.isBlank()))
        .orElse(DEFAULT_MISSION_KEY);
  }

  private Optional<ExpectedArtifactManifest> findManifest(String missionType, Optional<Path> root) {
    Optional<ExpectedArtifactManifest> known = manifests.find(missionType);
    if (known.isPresent() || root.isEmpty() || !SAFE_MISSION_TYPE.matcher(missionType).matches()) {
      return known;
    }
    Path file =
        root.get()
            .resolve("packs/built-in/missions")
            .resolve(missionType)
            .resolve("expected-artifacts.yaml");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ManifestLoader.load(file));
    } catch (ManifestException e) {
      throw new CheckoutException(e.getMessage(), e);
    }
  }
}
