package io.dossiersync.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 helpers: a fresh digest and lower-case hex. Every Java platform must provide SHA-256, so
 * its absence is an {@link IllegalStateException}. Stateless and thread-safe.
 */
public final class Sha256 {

  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /**
   * A new SHA-256 digest.
   *
   * @return a digest; not thread-safe itself
   */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /**
   * The lower-case hex SHA-256 of some bytes.
   *
   * @param bytes the bytes
   * @return 64 hex characters
   */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(newDigest().digest(bytes));
  }

  /**
   * Lower-case hex of a finished digest.
   *
   * @param digest the digest bytes
   * @return their hex form
   */
  public static String toHex(byte[] digest) {
    return HEX.formatHex(digest);
  }
}
