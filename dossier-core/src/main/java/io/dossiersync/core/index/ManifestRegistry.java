package io.dossiersync.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The expected-artifact manifests known to a host, by mission type (PRODUCT.md §2).
 *
 * <p>{@link #builtIn()} holds the manifests for {@code software-dev}, {@code research}, {@code
 * documentation} and {@code plan}, copied from spec-kitty's {@code
 * packs/built-in/missions/<type>/expected-artifacts.yaml}. A host adds or replaces manifests with
 * {@link #with}. A mission type with no manifest is classified with none: every artifact optional,
 * completeness {@code unknown}, manifest version {@code "1"}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ManifestRegistry {

  /** The mission types that have a built-in manifest. */
  public static final List<String> BUILT_IN_MISSION_TYPES =
      List.of("software-dev", "research", "documentation", "plan");

  private static final String RESOURCE_DIR = "/io/dossiersync/core/manifests/";

  private final Map<String, ExpectedArtifactManifest> byMissionType;

  private ManifestRegistry(Map<String, ExpectedArtifactManifest> byMissionType) {
    this.byMissionType = Map.copyOf(byMissionType);
  }

  /**
   * The built-in manifests, loaded once from the jar's resources.
   *
   * @return the registry of the four built-in mission types
   */
  public static ManifestRegistry builtIn() {
    return BuiltIn.REGISTRY;
  }

  /**
   * A registry of exactly the given manifests (a later one wins for the same mission type).
   *
   * @param manifests the manifests
   * @return the registry
   */
  public static ManifestRegistry of(Collection<ExpectedArtifactManifest> manifests) {
    Map<String, ExpectedArtifactManifest> map = new LinkedHashMap<>();
    manifests.forEach(m -> map.put(m.missionType(), m));
    return new ManifestRegistry(map);
  }

  /**
   * A registry with one more manifest, replacing any of the same mission type.
   *
   * @param manifest the host's manifest
   * @return a new registry; this one is unchanged
   */
  public ManifestRegistry with(ExpectedArtifactManifest manifest) {
    Map<String, ExpectedArtifactManifest> map = new LinkedHashMap<>(byMissionType);
    map.put(manifest.missionType(), manifest);
    return new ManifestRegistry(map);
  }

  /**
   * Looks up the manifest of a mission type.
   *
   * @param missionType e.g. {@code software-dev}
   * @return the manifest, empty when the type is unknown
   */
  public Optional<ExpectedArtifactManifest> find(String missionType) {
    return Optional.ofNullable(byMissionType.get(missionType));
  }

  /**
   * The mission types that have a manifest.
   *
   * @return an unmodifiable set
   */
  public Set<String> missionTypes() {
    return byMissionType.keySet();
  }

  private static final class BuiltIn {
    static final ManifestRegistry REGISTRY = load();

    private static ManifestRegistry load() {
      Map<String, ExpectedArtifactManifest> map = new LinkedHashMap<>();
      for (String type : BUILT_IN_MISSION_TYPES) {
        String resource = RESOURCE_DIR + type + ".yaml";
        try (InputStream in = ManifestRegistry.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new ManifestException("built-in manifest resource " + resource + " is missing");
          }
          map.put(type, ManifestLoader.load(in, "classpath:" + resource));
        } catch (IOException e) {
          throw new ManifestException("cannot read built-in manifest " + resource, e);
        }
      }
      return new ManifestRegistry(map);
    }
  }
}
