package io.dossiersync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {

  private static final String NON_BMP = "\uD83D\uDE00"; // U+1F600, a surrogate pair in UTF-16
  private static final String PRIVATE_USE = "\uE000"; // a BMP char above the surrogate range

  @Test
  void putsSupplementaryCharactersAfterTheUpperBmpUnlikeCompareTo() {
    String a = "x" + NON_BMP + ".md";
    String b = "x" + PRIVATE_USE + ".md";
    String c = "x\uFFFD.md";

    assertThat(a.compareTo(b)).as("UTF-16 order").isNegative();
    assertThat(CodePointOrder.INSTANCE.compare(a, b)).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare(a, c)).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare(b, c)).isNegative();
  }

  @Test
  void agreesWithUtf8ByteOrderOnRandomStrings() {
    Random random = new Random(42);
    int[] pool = {'a', 'z', '/', '.', 0xE9, 0x7FF, 0xD7FF, 0xE000, 0xFFFD, 0x1F600, 0x10FFFF};
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(5);
      for (int j = 0; j < length; j++) {
        s.appendCodePoint(pool[random.nextInt(pool.length)]);
      }
      strings.add(s.toString());
    }
    List<String> byCodePoint = new ArrayList<>(strings);
    byCodePoint.sort(CodePointOrder.INSTANCE);
    List<String> byBytes = new ArrayList<>(strings);
    byBytes.sort((x, y) -> Arrays.compareUnsigned(utf8(x), utf8(y)));

    assertThat(byCodePoint).isEqualTo(byBytes);
  }

  @Test
  void shorterPrefixComesFirst() {
    assertThat(CodePointOrder.INSTANCE.compare("a", "a/b")).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare("ab", "ab")).isZero();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
