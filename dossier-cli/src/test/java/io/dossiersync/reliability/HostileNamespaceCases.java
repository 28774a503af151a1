package io.dossiersync.reliability;

import static io.dossiersync.reliability.HostileCase.queued;
import static io.dossiersync.reliability.HostileCase.refused;
import static io.dossiersync.reliability.HostileCase.refusedYamlSyntax;

import io.dossiersync.testkit.fixture.FeatureDirs;
import java.util.List;

/**
 * Hostile namespaces (PRODUCT.md §2, §9): broken or ill-typed {@code meta.json} and {@code
 * .kittify/config.yaml}, bad manifests, invalid flags, missing directories. Each is refused with
 * one clear line and exit 2 before anything is enqueued, or, where an explicit flag or a default
 * makes the namespace valid, syncs.
 */
final class HostileNamespaceCases {

  private static final String META_OK =
      "{\"target_branch\": \"main\", \"mission_type\":" + " \"software-dev\"}";
  private static final String BAD_YAML = "required_always: [unclosed\n  - : : :\n\t tab\n";

  private HostileNamespaceCases() {}

  static List<HostileCase> all() {
    return List.of(
        refused("meta.json is not JSON", "meta.json", c -> c.meta("{target_branch: main")),
        refused("meta.json is empty", "meta.json", c -> c.meta("")),
        refused("meta.json is an array", "meta.json", c -> c.meta("[\"main\"]")),
        refused(
            "meta.json without target_branch",
            "target_branch",
            c -> c.meta("{\"mission_type\": \"software-dev\"}")),
        refused(
            "target_branch is a number", "target_branch", c -> c.meta("{\"target_branch\": 42}")),
        refused(
            "target_branch is blank", "target_branch", c -> c.meta("{\"target_branch\": \"  \"}")),
        refused(
            "target_branch holds a space",
            "target_branch",
            c -> c.meta("{\"target_branch\": \"main branch\"}")),
        refused(
            "meta.json missing", "meta.json", c -> c.delete("kitty-specs/001-hostile/meta.json")),
        queued(
            "target_branch absent but given as a flag",
            "spec.md",
            c -> c.meta("{\"mission_type\": \"software-dev\"}").args("--target-branch", "main")),
        refused(
            "config.yaml without project.uuid",
            "project.uuid",
            c -> c.config("project:\n  slug: x\n")),
        refused(
            "config.yaml with an invalid UUID",
            "project_uuid",
            c -> c.config("project:\n  uuid: not-a-uuid\n")),
        refusedYamlSyntax(
            "config.yaml is not YAML",
            "config.yaml",
            c -> c.config("project: [unclosed\n  uuid: : :\n")),
        refused("config.yaml is empty", "config.yaml", c -> c.config("")),
        refused(
            "no config.yaml in any parent", "config.yaml", c -> c.delete(".kittify/config.yaml")),
        queued(
            "no config.yaml but --project-uuid given",
            "spec.md",
            c ->
                c.delete(".kittify/config.yaml")
                    .args("--project-uuid", "8a4a7da6-a97c-4bb4-893a-b31664abfee4")),
        refusedYamlSyntax(
            "manifest with bad YAML under packs/",
            "expected-artifacts.yaml",
            c ->
                c.meta("{\"target_branch\": \"main\", \"mission_type\": \"custom-x\"}")
                    .rootFile(
                        "packs/built-in/missions/custom-x/expected-artifacts.yaml", BAD_YAML)),
        refused(
            "manifest of the wrong shape under packs/",
            "expected-artifacts.yaml",
            c ->
                c.meta("{\"target_branch\": \"main\", \"mission_type\": \"custom-y\"}")
                    .rootFile(
                        "packs/built-in/missions/custom-y/expected-artifacts.yaml",
                        "schema_version: 1\nrequired_always: just a string\n")),
        queued(
            "bad YAML under .kittify/packs is not read (§9 reads packs/ at the root)",
            "spec.md",
            c ->
                c.meta(META_OK)
                    .rootFile(
                        ".kittify/packs/built-in/missions/software-dev/expected-artifacts.yaml",
                        BAD_YAML)),
        refused(
            "--project-uuid is not a UUID",
            "project_uuid",
            c -> c.args("--project-uuid", "not-a-uuid")),
        refused(
            "--project-uuid with trailing text",
            "project_uuid",
            c -> c.args("--project-uuid", "8a4a7da6-a97c-4bb4-893a-b31664abfee4x")),
        refused(
            "--target-branch with a control character",
            "target_branch",
            c -> c.args("--target-branch", "main\u0007")),
        refused("--mission-key blank", "mission_key", c -> c.args("--mission-key", " ")),
        refused(
            "--manifest-version blank", "manifest_version", c -> c.args("--manifest-version", "")),
        refused(
            "feature slug with an underscore and a bang",
            "feature_slug",
            c -> c.featureArg(feature(c, "bad_slug!"))),
        refused(
            "feature slug starting with a dash",
            "feature_slug",
            c -> c.featureArg(feature(c, "-leading-dash"))),
        refused(
            "feature slug of 201 characters",
            "feature_slug",
            c -> c.featureArg(feature(c, "a".repeat(201)))),
        refused(
            "missing feature directory",
            "no such directory",
            c -> c.featureArg(c.root().resolve("kitty-specs/404-nowhere"))),
        refused(
            "feature argument is a file",
            "not a directory",
            c -> c.featureArg(c.feature().resolve("spec.md"))),
        refused(
            "kitty-specs with one good and one broken feature",
            "meta.json",
            c ->
                c.featureArg(c.root().resolve("kitty-specs"))
                    .rootFile("kitty-specs/002-broken/meta.json", "{broken")),
        refused("--max-queue-size 0", "--max-queue-size", c -> c.args("--max-queue-size", "0")),
        refused("unknown option", "--frobnicate", c -> c.args("--frobnicate")));
  }

  private static java.nio.file.Path feature(HostileCheckout c, String slug) {
    FeatureDirs.feature(c.root().resolve("kitty-specs"), slug)
        .text("meta.json", META_OK)
        .text("spec.md", "# Spec\n");
    return c.root().resolve("kitty-specs").resolve(slug);
  }
}
