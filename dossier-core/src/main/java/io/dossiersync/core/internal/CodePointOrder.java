package io.dossiersync.core.internal;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes (PRODUCT.md §2).
 *
 * <p>{@link String#compareTo} compares UTF-16 units, which puts a supplementary character (a
 * surrogate pair, {@code U+D800..U+DFFF} units) before {@code U+E000..U+FFFF}; code-point order
 * puts it after. This comparator differs from {@code compareTo} only in that case and allocates
 * nothing. Stateless and thread-safe.
 */
public final class CodePointOrder implements Comparator<String> {

  /** The single instance. */
  public static final CodePointOrder INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return fixUp(x) - fixUp(y);
      }
    }
    return a.length() - b.length();
  }

  /** Moves surrogates above {@code U+E000..U+FFFF}, keeping the order within each range. */
  private static int fixUp(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
