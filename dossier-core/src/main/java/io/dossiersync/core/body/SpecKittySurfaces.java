package io.dossiersync.core.body;

import java.util.Set;

/** The default {@link SurfacePolicy}; see {@link SurfacePolicy#specKittyDefault()}. */
final class SpecKittySurfaces implements SurfacePolicy {

  static final SpecKittySurfaces INSTANCE = new SpecKittySurfaces();

  private static final Set<String> TOP_LEVEL =
      Set.of("spec.md", "plan.md", "tasks.md", "research.md", "quickstart.md", "data-model.md");
  private static final String[] TREES = {"research/", "contracts/", "checklists/"};
  private static final String WORK_PACKAGE_PREFIX = "tasks/WP";

  private SpecKittySurfaces() {}

  @Override
  public boolean isSupported(String relativePath) {
    if (TOP_LEVEL.contains(relativePath)) {
      return true;
    }
    for (String tree : TREES) {
      if (relativePath.startsWith(tree) && relativePath.length() > tree.length()) {
        return true;
      }
    }
    return isWorkPackage(relativePath);
  }

  private static boolean isWorkPackage(String path) {
    int digit = WORK_PACKAGE_PREFIX.length();
    return path.startsWith(WORK_PACKAGE_PREFIX)
        && path.length() > digit
        && path.charAt(digit) >= '0'
        && path.charAt(digit) <= '9'
        && path.endsWith(".md")
        && path.indexOf('/', digit) < 0;
  }

  @Override
  public String toString() {
    return "SurfacePolicy[spec-kitty default]";
  }
}
