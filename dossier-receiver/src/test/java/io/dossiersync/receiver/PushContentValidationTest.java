package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dossiersync.receiver.ReceiverClient.Reply;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field rule of PRODUCT.md §4.1, each broken on its own, over real HTTP. */
class PushContentValidationTest {

  private static ReferenceReceiver receiver;
  private static ReceiverClient client;

  @BeforeAll
  static void start() {
    receiver = ReferenceReceiver.builder().token("t").requireIndexEntry(false).start();
    client = new ReceiverClient(receiver.baseUri(), "t");
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  static Stream<Arguments> brokenFields() {
    return Stream.of(
        broken(
            "missing field",
            b -> (ObjectNode) b.without("mission_key"),
            "missing field(s): mission_key"),
        broken("extra field", b -> b.put("size_bytes", "3"), "unexpected field(s): size_bytes"),
        broken(
            "number instead of string",
            b -> b.put("manifest_version", 1),
            "manifest_version must be a string"),
        broken("null field", b -> b.putNull("target_branch"), "target_branch must be a string"),
        broken("project_uuid not a UUID", b -> b.put("project_uuid", "not-a-uuid"), "project_uuid"),
        broken("slug with underscore", b -> b.put("feature_slug", "047_some"), "feature_slug"),
        broken("slug starting with dash", b -> b.put("feature_slug", "-047"), "feature_slug"),
        broken("slug over 200 chars", b -> b.put("feature_slug", "a".repeat(201)), "feature_slug"),
        broken("blank target_branch", b -> b.put("target_branch", " "), "target_branch"),
        broken(
            "target_branch with space", b -> b.put("target_branch", "my branch"), "target_branch"),
        broken("blank mission_key", b -> b.put("mission_key", ""), "mission_key"),
        broken("blank manifest_version", b -> b.put("manifest_version", "  "), "manifest_version"),
        broken("hash_algorithm md5", b -> b.put("hash_algorithm", "md5"), "hash_algorithm"),
        broken(
            "upper-case hash",
            b ->
                b.put(
                    "content_hash",
                    b.get("content_hash").asText().toUpperCase(java.util.Locale.ROOT)),
            "content_hash must be 64"),
        broken("short hash", b -> b.put("content_hash", "abc123"), "content_hash must be 64"),
        broken(
            "hash of another body",
            b -> b.put("content_body", "other"),
            "does not match the SHA-256"),
        broken("dot-dot segment", b -> withPath(b, "research/../../etc/passwd"), "'..'"),
        broken("leading dot-dot", b -> withPath(b, "../spec.md"), "'..'"),
        broken("absolute path", b -> withPath(b, "/etc/passwd"), "relative"),
        broken("drive letter", b -> withPath(b, "C:/spec.md"), "relative"),
        broken("backslash", b -> withPath(b, "research\\notes.md"), "'/' separators"),
        broken("empty path", b -> withPath(b, ""), "must not be empty"),
        broken(
            "oversized body",
            b -> withBody(b, "x".repeat(524_289)),
            "524289 bytes, over the 524288 byte limit"));
  }

  private static Arguments broken(String name, UnaryOperator<ObjectNode> change, String detail) {
    return Arguments.of(name, change, detail);
  }

  private static ObjectNode withPath(ObjectNode body, String path) {
    return body.put("artifact_path", path);
  }

  private static ObjectNode withBody(ObjectNode body, String text) {
    return body.put("content_body", text).put("content_hash", WireSamples.hash(text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFields")
  void brokenFieldIsAValidationErrorNamingTheRule(
      String name, UnaryOperator<ObjectNode> change, String detail) {
    Reply reply = client.push(change.apply(push("research/notes.md", "# Notes")));

    assertThat(reply.status()).as(name).isEqualTo(400);
    assertThat(reply.text("error")).isEqualTo("validation_error");
    assertThat(reply.text("detail")).contains(detail);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAnObject")
  void bodyThatIsNotOneJsonObjectIsAValidationError(String name, String body) {
    Reply reply = client.pushRaw(body.getBytes(StandardCharsets.UTF_8), "application/json");

    assertThat(reply.status()).as(name).isEqualTo(400);
    assertThat(reply.text("error")).isEqualTo("validation_error");
  }

  static Stream<Arguments> notAnObject() {
    String valid = push("spec.md", "x").toString();
    return Stream.of(
        Arguments.of("not JSON", "hello"),
        Arguments.of("an array", "[" + valid + "]"),
        Arguments.of("trailing object", valid + valid),
        Arguments.of("duplicate key", valid.replace("{", "{\"artifact_path\":\"plan.md\",")),
        Arguments.of("empty body", ""));
  }

  @Test
  void invalidUtf8BytesAreAValidationError() {
    byte[] body =
        push("spec.md", "x").toString().replace("\"x\"", "\"#\"").getBytes(StandardCharsets.UTF_8);
    int at = indexOf(body, (byte) '#');
    body[at] = (byte) 0xC3;

    Reply reply = client.pushRaw(body, "application/json");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("detail")).isEqualTo("the body is not valid JSON");
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new IllegalStateException("not found");
  }

  @Test
  void unpairedSurrogateEscapeIsAValidationError() {
    String json = push("spec.md", "aSURROGATEb").toString().replace("SURROGATE", "\\ud800");

    Reply reply = client.pushRaw(json.getBytes(StandardCharsets.UTF_8), "application/json");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("detail")).contains("unpaired surrogate");
  }

  @ParameterizedTest
  @MethodSource("loneSurrogates")
  void everyLoneSurrogateIsAValidationError(String escaped) {
    String json = push("spec.md", "aSURROGATEb").toString().replace("SURROGATE", escaped);

    Reply reply = client.pushRaw(json.getBytes(StandardCharsets.UTF_8), "application/json");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("detail")).contains("unpaired surrogate");
  }

  static Stream<String> loneSurrogates() {
    // A low one alone, a high one before a letter, two high ones in a row.
    return Stream.of("\\udc00", "x\\ud83d", "\\ud83d\\ud83d");
  }

  @Test
  void aSurrogatePairIsOneCharacterAndAccepted() {
    Reply reply = client.push(push("emoji.md", "launch \ud83d\ude80 day"));

    assertThat(reply.status()).isEqualTo(201);
  }

  @Test
  void dotsInsideANameAreFine() {
    Reply reply = client.push(push("research/v1..2-notes.md", "dots"));

    assertThat(reply.status()).isEqualTo(201);
  }
}
