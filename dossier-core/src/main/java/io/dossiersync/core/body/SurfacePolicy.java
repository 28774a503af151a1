package io.dossiersync.core.body;

/**
 * Which artifacts are on a supported surface and may have their bodies synced (PRODUCT.md §2, body
 * eligibility step 2). The format filter and the size guard apply after it whatever the policy
 * says.
 *
 * <p>{@link #specKittyDefault()} is the surface list of the spec-kitty dashboard. A host that wants
 * every Markdown body (DS-04) passes its own, e.g. {@code path -> true}. Implementations must be
 * thread-safe and pure.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SurfacePolicy {

  /**
   * Tells whether an artifact's body belongs to a synced surface.
   *
   * @param relativePath the feature-relative path with {@code /} separators
   * @return true when the body may be synced
   */
  boolean isSupported(String relativePath);

  /**
   * The default surfaces, matched case-sensitively: the top-level files {@code spec.md}, {@code
   * plan.md}, {@code tasks.md}, {@code research.md}, {@code quickstart.md}, {@code data-model.md};
   * everything under {@code research/}, {@code contracts/}, {@code checklists/}; and {@code
   * tasks/WP<digit>...md} directly in {@code tasks/}.
   *
   * @return the spec-kitty surface policy
   */
  static SurfacePolicy specKittyDefault() {
    return SpecKittySurfaces.INSTANCE;
  }
}
