package io.dossiersync.cli;

import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.pipeline.SyncOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The sync flags of {@code sync} and {@code watch} (PRODUCT.md §6): namespace fields that win over
 * what the checkout says, and the mission step.
 */
final class NamespaceFlags {

  @Option(names = "--project-uuid", paramLabel = "U", description = "Project UUID override.")
  String projectUuid;

  @Option(names = "--target-branch", paramLabel = "B", description = "Target branch override.")
  String targetBranch;

  @Option(names = "--mission-key", paramLabel = "K", description = "Mission key override.")
  String missionKey;

  @Option(
      names = "--manifest-version",
      paramLabel = "V",
      description = "Manifest version override.")
  String manifestVersion;

  @Option(
      names = "--step",
      paramLabel = "S",
      description = "Mission step: its required artifacts" + " are reported missing when absent.")
  String step;

  /** The namespace fields given as flags. */
  NamespaceOverrides overrides() {
    return new NamespaceOverrides(
        Optional.ofNullable(projectUuid),
        Optional.ofNullable(targetBranch),
        Optional.ofNullable(missionKey),
        Optional.ofNullable(manifestVersion));
  }

  /** The sync options the flags give (the step, when given). */
  SyncOptions syncOptions() {
    return step == null ? SyncOptions.defaults() : SyncOptions.atStep(step);
  }
}
