package io.dossiersync.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes bytes as UTF-8 that must be valid: a malformed or unmappable sequence is reported, never
 * replaced with {@code U+FFFD}. Stateless and thread-safe.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /**
   * The text of some bytes, when they are valid UTF-8.
   *
   * @param bytes the bytes
   * @return the text, or empty when the bytes are not valid UTF-8
   */
  public static Optional<String> decode(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
