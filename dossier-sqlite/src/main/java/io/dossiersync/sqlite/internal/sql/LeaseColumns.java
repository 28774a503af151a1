package io.dossiersync.sqlite.internal.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a queue row stores its lease, the same in both queues, so that a claim rewrites a row in
 * place.
 *
 * <p>A body row carries its whole text (often several KiB, spread over overflow pages). SQLite
 * rewrites every page of a row whose encoded size changes, but overwrites a row of unchanged size
 * in place, writing only the pages whose bytes differ. So the lease columns always hold values of
 * one encoded size: {@code lease_owner} is a {@value #TOKEN_CHARS}-character token of the owner
 * (hex of its SHA-256; fencing compares tokens) instead of the owner itself, and a row no claim
 * holds (new, released or rescheduled) has {@link #NO_OWNER} as its owner and {@link #NEVER} (an
 * expired time of the same integer width as any real one) in {@code lease_until} and {@code
 * claimed_at}. A claim then writes one page per row instead of the whole row (the claim of a 4 KiB
 * body cost half as much in the probe that led to this). Rows of older files that still hold NULL
 * lease columns stay correct: the readiness check accepts both, and they take the slower rewrite
 * once. Stateless.
 */
public final class LeaseColumns {

  /** Characters of an owner token. */
  public static final int TOKEN_CHARS = 32;

  /** The owner token of a row no claim holds (matches no real owner's token). */
  public static final String NO_OWNER = "0".repeat(TOKEN_CHARS);

  /**
   * The lease expiry and claim time of a row no claim holds: 2^40 ms after the epoch (2004-11-03),
   * already past, and stored in the same 6 bytes as every time until year 6429.
   */
  public static final long NEVER = 1L << 40;

  private LeaseColumns() {}

  /**
   * The token stored for a lease owner.
   *
   * @param owner the claimant's id
   * @return {@value #TOKEN_CHARS} lower-case hex characters
   */
  public static String token(String owner) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, TOKEN_CHARS / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
