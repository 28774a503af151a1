package io.dossiersync.core.checkout;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.index.ExpectedArtifactManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The namespace read from a spec-kitty checkout, with what was learnt on the way. Immutable.
 *
 * @param namespace the namespace, overrides applied
 * @param projectRoot the checkout root holding {@code .kittify/config.yaml}; empty only when the
 *     project UUID was given explicitly and no root was found
 * @param missionType the mission type (the namespace's mission key)
 * @param manifest the mission type's expected-artifact manifest, built-in or from the checkout's
 *     {@code packs/built-in/missions/<type>/expected-artifacts.yaml}, if any
 * @param warnings things worth telling the user that did not stop the read, e.g. a {@code
 *     meta.json} slug that differs from the directory name
 * @since 0.1.0
 */
public record CheckoutNamespace(
    NamespaceRef namespace,
    Optional<Path> projectRoot,
    String missionType,
    Optional<ExpectedArtifactManifest> manifest,
    List<String> warnings) {

  /** Copies the warnings and checks that no field is null. */
  public CheckoutNamespace {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(missionType, "missionType");
    Objects.requireNonNull(manifest, "manifest");
    warnings = List.copyOf(warnings);
  }
}
