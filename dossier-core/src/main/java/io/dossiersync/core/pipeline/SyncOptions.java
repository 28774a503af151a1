package io.dossiersync.core.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one {@link DossierPipeline#syncFeatureDossier(java.nio.file.Path,
 * io.dossiersync.core.NamespaceRef, SyncOptions) sync}. Immutable.
 *
 * @param step the mission step whose required artifacts must be present ({@code required_by_step});
 *     empty: only {@code required_always} is checked
 * @since 0.1.0
 */
public record SyncOptions(Optional<String> step) {

  /** Checks the step: present means non-blank. */
  public SyncOptions {
    Objects.requireNonNull(step, "step");
    if (step.isPresent() && step.get().isBlank()) {
      throw new IllegalArgumentException("step must not be blank when given");
    }
  }

  /**
   * The defaults: no step.
   *
   * @return options without a step
   */
  public static SyncOptions defaults() {
    return new SyncOptions(Optional.empty());
  }

  /**
   * Options with a step.
   *
   * @param step e.g. {@code specify}
   * @return the options
   */
  public static SyncOptions atStep(String step) {
    return new SyncOptions(Optional.of(step));
  }
}
