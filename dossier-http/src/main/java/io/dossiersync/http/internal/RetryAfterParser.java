package io.dossiersync.http.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the delay a receiver asks for: the {@code Retry-After} header (RFC 9110 §10.2.3:
 * delta-seconds or an HTTP-date) and the {@code retry_after} body field (seconds, integer or
 * decimal). Pure and total: malformed input gives empty, never an exception; a date in the past
 * gives zero. Values above {@link #MAX_DELAY} are capped to it.
 *
 * <p>Bounded cost (PRODUCT.md §4.4): a value longer than {@link #MAX_LENGTH} characters, or a
 * number written with an exponent, is ignored before any arithmetic, so {@code 1e-999999999} or ten
 * thousand digits cost as little as {@code 30}.
 */
final class RetryAfterParser {

  /** The largest delay returned; the drain engine applies its own, lower cap (PRODUCT.md §4.3). */
  public static final Duration MAX_DELAY = Duration.ofDays(1);

  /**
   * The longest header value read; anything longer is ignored (the longest HTTP-date form, RFC 850
   * with a full weekday, has 33 characters).
   */
  public static final int MAX_LENGTH = 40;

  /** The longest number read, in characters; longer ones are ignored. */
  public static final int MAX_NUMBER_LENGTH = 20;

  /** IMF-fixdate (RFC 1123), then the obsolete RFC 850 and asctime forms RFC 9110 accepts. */
  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          new DateTimeFormatterBuilder()
              .appendPattern("EEEE, dd-MMM-")
              .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
              .appendPattern(" HH:mm:ss z")
              .toFormatter(Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
              .withZone(ZoneOffset.UTC));

  private RetryAfterParser() {}

  /**
   * Parses a {@code Retry-After} header value.
   *
   * @param value the header value as received
   * @param now the current instant, against which an HTTP-date is measured
   * @return the delay, or empty when the value is neither delta-seconds nor an HTTP-date
   */
  public static Optional<Duration> header(String value, Instant now) {
    if (value.length() > MAX_LENGTH + 8) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return text.length() > MAX_NUMBER_LENGTH ? Optional.empty() : seconds(new BigDecimal(text));
    }
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        Instant at = ZonedDateTime.parse(text, format).toInstant();
        Duration delay = Duration.between(now, at);
        return Optional.of(cap(delay.isNegative() ? Duration.ZERO : delay));
      } catch (DateTimeParseException e) {
        // try the next accepted format
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a {@code retry_after} body value given in seconds.
   *
   * @param value the textual form of the JSON number or string
   * @return the delay, or empty when it is not a non-negative finite number of at most {@link
   *     #MAX_NUMBER_LENGTH} characters written without an exponent
   */
  public static Optional<Duration> bodySeconds(String value) {
    if (value.length() > MAX_NUMBER_LENGTH + 8) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.length() > MAX_NUMBER_LENGTH || !plainDecimal(text)) {
      return Optional.empty();
    }
    try {
      return seconds(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Digits with at most one dot and an optional leading minus: no exponent, no sign games. */
  private static boolean plainDecimal(String text) {
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else if (!(c == '-' && i == 0)) {
        return false;
      }
    }
    return digits > 0 && dots <= 1;
  }

  /**
   * The longer of two optional delays.
   *
   * @param a one delay
   * @param b another delay
   * @return the longer one, or whichever is present, or empty
   */
  public static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
  }

  private static Optional<Duration> seconds(BigDecimal secs) {
    if (secs.signum() < 0) {
      return Optional.empty();
    }
    if (secs.compareTo(BigDecimal.valueOf(MAX_DELAY.toSeconds())) >= 0) {
      return Optional.of(MAX_DELAY);
    }
    long millis = secs.movePointRight(3).setScale(0, RoundingMode.CEILING).longValue();
    return Optional.of(Duration.ofMillis(millis));
  }

  private static Duration cap(Duration delay) {
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
