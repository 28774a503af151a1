package io.dossiersync.core.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The expected-artifact manifest of one mission type (PRODUCT.md §2): which artifacts are required
 * always, which per step, which are optional, and how files are classified.
 *
 * <p>Classification takes the first spec whose pattern matches, in the order {@code
 * required_always}, {@code required_by_step} (steps and entries in manifest order), {@code
 * optional_always}. A key is required when it appears in {@code required_always} or in any step's
 * list. Immutable and thread-safe; the patterns are compiled once, at construction.
 *
 * @since 0.1.0
 */
public final class ExpectedArtifactManifest {

  /** The manifest version used when a manifest does not state one, and when none applies. */
  public static final String DEFAULT_MANIFEST_VERSION = "1";

  private final String schemaVersion;
  private final String missionType;
  private final String manifestVersion;
  private final List<ArtifactSpec> requiredAlways;
  private final Map<String, List<ArtifactSpec>> requiredBySteps;
  private final List<ArtifactSpec> optionalAlways;
  private final List<SpecMatch> classificationOrder;
  private final Set<String> requiredKeys;

  /**
   * Creates a manifest.
   *
   * @param schemaVersion the manifest's {@code schema_version}, e.g. {@code 1.0}
   * @param missionType the mission type, e.g. {@code software-dev}
   * @param manifestVersion the {@code manifest_version}, e.g. {@code 1}
   * @param requiredAlways specs required at every step
   * @param requiredBySteps specs required per step, in manifest order
   * @param optionalAlways specs that are never required by themselves
   */
  public ExpectedArtifactManifest(
      String schemaVersion,
      String missionType,
      String manifestVersion,
      List<ArtifactSpec> requiredAlways,
      Map<String, List<ArtifactSpec>> requiredBySteps,
      List<ArtifactSpec> optionalAlways) {
    this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion");
    this.missionType = requireNonBlank("mission_type", missionType);
    this.manifestVersion = requireNonBlank("manifest_version", manifestVersion);
    this.requiredAlways = List.copyOf(requiredAlways);
    Map<String, List<ArtifactSpec>> steps = new LinkedHashMap<>();
    requiredBySteps.forEach((step, specs) -> steps.put(step, List.copyOf(specs)));
    this.requiredBySteps = Collections.unmodifiableMap(steps);
    this.optionalAlways = List.copyOf(optionalAlways);

    List<SpecMatch> order = new ArrayList<>();
    Set<String> required = new HashSet<>();
    for (ArtifactSpec spec : this.requiredAlways) {
      order.add(new SpecMatch(spec, Optional.empty(), PathGlob.compile(spec.pathPattern())));
      required.add(spec.artifactKey());
    }
    this.requiredBySteps.forEach(
        (step, specs) -> {
          for (ArtifactSpec spec : specs) {
            order.add(new SpecMatch(spec, Optional.of(step), PathGlob.compile(spec.pathPattern())));
            required.add(spec.artifactKey());
          }
        });
    for (ArtifactSpec spec : this.optionalAlways) {
      order.add(new SpecMatch(spec, Optional.empty(), PathGlob.compile(spec.pathPattern())));
    }
    this.classificationOrder = List.copyOf(order);
    this.requiredKeys = Set.copyOf(required);
  }

  private static String requireNonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /**
   * The spec a file gets, with the step whose list it came from.
   *
   * @param spec the matching spec
   * @param step the step, when the spec came from {@code required_by_step}
   * @param glob the compiled pattern
   */
  record SpecMatch(ArtifactSpec spec, Optional<String> step, PathGlob glob) {}

  /**
   * Finds the first spec whose pattern matches a path, in classification order.
   *
   * @param relativePath a feature-relative path
   * @return the matching spec, empty when none matches
   */
  public Optional<ArtifactSpec> classify(String relativePath) {
    return match(relativePath).map(SpecMatch::spec);
  }

  Optional<SpecMatch> match(String relativePath) {
    for (SpecMatch candidate : classificationOrder) {
      if (candidate.glob().matches(relativePath)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether a key is required at some step or always.
   *
   * @param artifactKey a spec key
   * @return true when the key is in {@code required_always} or any step's list
   */
  public boolean isRequiredKey(String artifactKey) {
    return requiredKeys.contains(artifactKey);
  }

  /**
   * The specs that must be present: {@code required_always}, plus the step's list when a step is
   * given (an unknown step adds nothing).
   *
   * @param step the mission step, if any
   * @return the specs in manifest order, each key once
   */
  public List<ArtifactSpec> requiredAt(Optional<String> step) {
    Map<String, ArtifactSpec> byKey = new LinkedHashMap<>();
    requiredAlways.forEach(spec -> byKey.putIfAbsent(spec.artifactKey(), spec));
    step.map(requiredBySteps::get)
        .ifPresent(specs -> specs.forEach(spec -> byKey.putIfAbsent(spec.artifactKey(), spec)));
    return List.copyOf(byKey.values());
  }

  /**
   * The first required spec with a key, in manifest order.
   *
   * @param artifactKey a spec key
   * @return the spec, empty when no required list names the key
   */
  public Optional<ArtifactSpec> requiredSpec(String artifactKey) {
    return classificationOrder.stream()
        .map(SpecMatch::spec)
        .filter(spec -> spec.artifactKey().equals(artifactKey) && isRequiredKey(artifactKey))
        .findFirst();
  }

  /**
   * The {@code schema_version}.
   *
   * @return e.g. {@code 1.0}
   */
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * The mission type.
   *
   * @return e.g. {@code software-dev}
   */
  public String missionType() {
    return missionType;
  }

  /**
   * The {@code manifest_version}, part of the namespace.
   *
   * @return e.g. {@code 1}
   */
  public String manifestVersion() {
    return manifestVersion;
  }

  /**
   * The {@code required_always} specs.
   *
   * @return an unmodifiable list
   */
  public List<ArtifactSpec> requiredAlways() {
    return requiredAlways;
  }

  /**
   * The {@code required_by_step} specs.
   *
   * @return an unmodifiable map in manifest order
   */
  public Map<String, List<ArtifactSpec>> requiredBySteps() {
    return requiredBySteps;
  }

  /**
   * The {@code optional_always} specs.
   *
   * @return an unmodifiable list
   */
  public List<ArtifactSpec> optionalAlways() {
    return optionalAlways;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ExpectedArtifactManifest that
        && schemaVersion.equals(that.schemaVersion)
        && missionType.equals(that.missionType)
        && manifestVersion.equals(that.manifestVersion)
        && requiredAlways.equals(that.requiredAlways)
        && requiredBySteps.equals(that.requiredBySteps)
        && optionalAlways.equals(that.optionalAlways);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        missionType, manifestVersion, requiredAlways, requiredBySteps, optionalAlways);
  }

  @Override
  public String toString() {
    return "ExpectedArtifactManifest[" + missionType + " v" + manifestVersion + "]";
  }
}
