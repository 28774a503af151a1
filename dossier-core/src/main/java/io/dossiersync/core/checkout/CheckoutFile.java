package io.dossiersync.core.checkout;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dossiersync.core.internal.BoundedFile;
import io.dossiersync.core.internal.ParseMessages;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One parsed JSON or YAML file of a checkout, with typed field access naming the file on error.
 * Files are read under the {@link BoundedFile} rule (a regular file of at most 1 MiB).
 */
final class CheckoutFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  private final Path file;
  private final JsonNode root;

  private CheckoutFile(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  static CheckoutFile json(Path file) {
    return parse(file, JSON, "JSON");
  }

  static CheckoutFile yaml(Path file) {
    return parse(file, YAML, "YAML");
  }

  private static CheckoutFile parse(Path file, ObjectMapper mapper, String format) {
    JsonNode root;
    try {
      root = mapper.readTree(BoundedFile.read(file));
    } catch (NoSuchFileException e) {
      throw new CheckoutException("missing file " + file, e);
    } catch (JacksonException e) {
      throw new CheckoutException(
          "cannot parse " + file + " as " + format + ": " + ParseMessages.oneLine(e), e);
    } catch (BoundedFile.Refused e) {
      throw new CheckoutException("cannot read " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CheckoutException("cannot read " + file + ": " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckoutException("cannot parse " + file + ": the top level must be a mapping");
    }
    return new CheckoutFile(file, root);
  }

  Path file() {
    return file;
  }

  /**
   * A string field.
   *
   * @param dottedPath e.g. {@code project.uuid}
   * @return the value, empty when absent or null
   * @throws CheckoutException when the field is not a string
   */
  Optional<String> string(String dottedPath) {
    JsonNode node = root;
    for (String part : dottedPath.split("\\.")) {
      if (!node.isObject()) {
        throw wrongType(dottedPath, "a string");
      }
      node = node.path(part);
    }
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(dottedPath, "a string");
    }
    return Optional.of(node.textValue());
  }

  /**
   * Whether a field exists with a non-string value (for fields only worth a warning).
   *
   * @param field a top-level field
   * @return true when present, not null and not a string
   */
  boolean isNonString(String field) {
    JsonNode node = root.path(field);
    return !node.isMissingNode() && !node.isNull() && !node.isTextual();
  }

  CheckoutException wrongType(String field, String expected) {
    return new CheckoutException("field " + field + " in " + file + " must be " + expected);
  }
}
