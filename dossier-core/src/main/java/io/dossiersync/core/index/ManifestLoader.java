package io.dossiersync.core.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dossiersync.core.internal.BoundedFile;
import io.dossiersync.core.internal.ParseMessages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an expected-artifact manifest from YAML (spec-kitty's {@code expected-artifacts.yaml}
 * format, PRODUCT.md §2).
 *
 * <p>Fields: {@code schema_version} (optional), {@code mission_type} (required), {@code
 * manifest_version} (a scalar, default {@code "1"}), {@code required_always}, {@code
 * required_by_step} (step → list; an empty or null list is allowed) and {@code optional_always}
 * (each optional, default empty). Entries need {@code artifact_key}, {@code artifact_class} (one of
 * {@link ArtifactClass}'s wire names) and {@code path_pattern}; {@code blocking} defaults to false.
 * Unknown fields are ignored. Anything else fails with a {@link ManifestException} naming the
 * source and the field. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ManifestLoader {

  private static final ObjectMapper YAML = new YAMLMapper();

  private ManifestLoader() {}

  /**
   * Reads a manifest file.
   *
   * @param file the YAML file
   * @return the manifest
   * @throws ManifestException when the file cannot be read or is malformed; the message names it
   */
  public static ExpectedArtifactManifest load(Path file) {
    byte[] bytes;
    try {
      bytes = BoundedFile.read(file);
    } catch (BoundedFile.Refused e) {
      throw new ManifestException("cannot read expected-artifact manifest " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ManifestException("cannot read expected-artifact manifest " + file + ": " + e, e);
    }
    return load(new ByteArrayInputStream(bytes), file.toString());
  }

  /**
   * Reads a manifest from a stream, which is not closed.
   *
   * @param in the YAML text
   * @param source the file or resource name used in error messages
   * @return the manifest
   * @throws ManifestException when the text is malformed; the message names {@code source}
   */
  public static ExpectedArtifactManifest load(InputStream in, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JacksonException e) {
      throw new ManifestException(
          "malformed expected-artifact manifest " + source + ": " + ParseMessages.oneLine(e), e);
    } catch (IOException e) {
      throw new ManifestException("cannot read expected-artifact manifest " + source + ": " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw malformed(source, "(root)", "must be a mapping");
    }
    String missionType =
        scalar(source, root, "mission_type")
            .orElseThrow(() -> malformed(source, "mission_type", "is required"));
    String manifestVersion =
        scalar(source, root, "manifest_version")
            .orElse(ExpectedArtifactManifest.DEFAULT_MANIFEST_VERSION);
    String schemaVersion = scalar(source, root, "schema_version").orElse("");
    Map<String, List<ArtifactSpec>> steps = new LinkedHashMap<>();
    JsonNode stepsNode = root.path("required_by_step");
    if (!stepsNode.isMissingNode() && !stepsNode.isNull()) {
      if (!stepsNode.isObject()) {
        throw malformed(source, "required_by_step", "must be a mapping of step to list");
      }
      for (Map.Entry<String, JsonNode> step : stepsNode.properties()) {
        steps.put(
            step.getKey(), specs(source, step.getValue(), "required_by_step." + step.getKey()));
      }
    }
    try {
      return new ExpectedArtifactManifest(
          schemaVersion,
          missionType,
          manifestVersion,
          specs(source, root.path("required_always"), "required_always"),
          steps,
          specs(source, root.path("optional_always"), "optional_always"));
    } catch (IllegalArgumentException e) {
      throw new ManifestException(
          "malformed expected-artifact manifest " + source + ": " + e.getMessage(), e);
    }
  }

  private static List<ArtifactSpec> specs(String source, JsonNode node, String field) {
    List<ArtifactSpec> specs = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return specs;
    }
    if (!node.isArray()) {
      throw malformed(source, field, "must be a list");
    }
    for (int i = 0; i < node.size(); i++) {
      specs.add(spec(source, node.get(i), field + "[" + i + "]"));
    }
    return specs;
  }

  private static ArtifactSpec spec(String source, JsonNode node, String field) {
    if (!node.isObject()) {
      throw malformed(source, field, "must be a mapping");
    }
    String key =
        scalar(source, node, "artifact_key", field)
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> malformed(source, field + ".artifact_key", "is required"));
    String classText =
        scalar(source, node, "artifact_class", field)
            .orElseThrow(() -> malformed(source, field + ".artifact_class", "is required"));
    ArtifactClass artifactClass =
        ArtifactClass.fromWireName(classText)
            .orElseThrow(
                () ->
                    malformed(
                        source,
                        field + ".artifact_class",
                        "must be one of input|workflow|output|evidence|policy|runtime|other, got '"
                            + classText
                            + "'"));
    String pattern =
        scalar(source, node, "path_pattern", field)
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> malformed(source, field + ".path_pattern", "is required"));
    JsonNode blocking = node.path("blocking");
    if (!blocking.isMissingNode() && !blocking.isNull() && !blocking.isBoolean()) {
      throw malformed(source, field + ".blocking", "must be true or false");
    }
    return new ArtifactSpec(key, artifactClass, pattern, blocking.asBoolean(false));
  }

  private static Optional<String> scalar(String source, JsonNode parent, String name) {
    return scalar(source, parent, name, "");
  }

  private static Optional<String> scalar(
      String source, JsonNode parent, String name, String parentField) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode()) {
      String field = parentField.isEmpty() ? name : parentField + "." + name;
      throw malformed(source, field, "must be a scalar");
    }
    return Optional.of(node.asText());
  }

  private static ManifestException malformed(String source, String field, String rule) {
    return new ManifestException(
        "malformed expected-artifact manifest " + source + ": " + field + " " + rule);
  }
}
