package io.dossiersync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.dossiersync.core.NamespaceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The strict field rules of a push-content body (PRODUCT.md §4.1): exactly the nine fields, all
 * strings; a valid namespace; {@code hash_algorithm} {@code sha256}; a relative {@code
 * artifact_path} without {@code ..}, backslash or leading {@code /}; {@code content_hash} 64
 * lower-case hex equal to the SHA-256 of the UTF-8 {@code content_body}; at most 524,288 bytes.
 * Pure and stateless.
 */
final class PushContentValidator {

  /** The largest accepted {@code content_body}, in UTF-8 bytes. */
  static final int MAX_BODY_BYTES = 524_288;

  static final List<String> FIELDS =
      List.of(
          "project_uuid",
          "feature_slug",
          "target_branch",
          "mission_key",
          "manifest_version",
          "artifact_path",
          "content_hash",
          "hash_algorithm",
          "content_body");

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private PushContentValidator() {}

  /** A validated push: its key and its body. */
  record ValidPush(BodyKey key, String body) {}

  /**
   * Checks a push.
   *
   * @param root the parsed body
   * @param contentUtf8 the UTF-8 bytes of {@code content_body} as {@link String#getBytes} made
   *     them, when the caller has them already; encoded here otherwise
   */
  static ValidPush validate(JsonNode root, Optional<byte[]> contentUtf8) {
    if (!root.isObject()) {
      throw Rejection.validation("the body must be a JSON object");
    }
    checkFieldSet(root);
    for (String field : FIELDS) {
      if (!root.get(field).isTextual()) {
        throw Rejection.validation(field + " must be a string");
      }
    }
    String algorithm = root.get("hash_algorithm").textValue();
    if (!"sha256".equals(algorithm)) {
      throw Rejection.validation("hash_algorithm must be \"sha256\", got \"" + algorithm + "\"");
    }
    NamespaceRef namespace = namespace(root);
    String path = root.get("artifact_path").textValue();
    checkPath(path);
    String hash = root.get("content_hash").textValue();
    if (!HASH.matcher(hash).matches()) {
      throw Rejection.validation("content_hash must be 64 lower-case hex characters");
    }
    String body = root.get("content_body").textValue();
    byte[] utf8 = strictUtf8(body, contentUtf8);
    if (utf8.length > MAX_BODY_BYTES) {
      throw Rejection.validation(
          "content_body is " + utf8.length + " bytes, over the " + MAX_BODY_BYTES + " byte limit");
    }
    if (!sha256Hex(utf8).equals(hash)) {
      throw Rejection.validation("content_hash does not match the SHA-256 of content_body");
    }
    return new ValidPush(new BodyKey(namespace, path, hash), body);
  }

  private static void checkFieldSet(JsonNode root) {
    Set<String> present = new TreeSet<>();
    root.fieldNames().forEachRemaining(present::add);
    List<String> missing = new ArrayList<>(FIELDS);
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      throw Rejection.validation("missing field(s): " + String.join(", ", missing));
    }
    present.removeAll(FIELDS);
    if (!present.isEmpty()) {
      throw Rejection.validation("unexpected field(s): " + String.join(", ", present));
    }
  }

  private static NamespaceRef namespace(JsonNode root) {
    try {
      return new NamespaceRef(
          root.get("project_uuid").textValue(),
          root.get("feature_slug").textValue(),
          root.get("target_branch").textValue(),
          root.get("mission_key").textValue(),
          root.get("manifest_version").textValue());
    } catch (IllegalArgumentException e) {
      throw Rejection.validation(e.getMessage());
    }
  }

  static void checkPath(String path) {
    if (path.isEmpty()) {
      throw Rejection.validation("artifact_path must not be empty");
    }
    if (path.indexOf('\\') >= 0) {
      throw Rejection.validation("artifact_path must use '/' separators, not '\\'");
    }
    if (path.startsWith("/") || DRIVE.matcher(path).matches()) {
      throw Rejection.validation("artifact_path must be relative, got an absolute path");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        throw Rejection.validation("artifact_path must not contain a '..' segment");
      }
    }
  }

  /**
   * The UTF-8 bytes of {@code body}, refusing an unpaired surrogate (which {@link String#getBytes}
   * would silently turn into {@code ?}). {@code getBytes} is the JDK's fast encoder; the scan only
   * looks for surrogates. {@code encoded} are those bytes when the caller made them already.
   */
  private static byte[] strictUtf8(String body, Optional<byte[]> encoded) {
    for (int i = 0, n = body.length(); i < n; i++) {
      char c = body.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(body.charAt(i + 1))) {
          i++;
        } else {
          throw Rejection.validation("content_body holds an unpaired surrogate, not valid Unicode");
        }
      }
    }
    return encoded.orElseGet(() -> body.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
