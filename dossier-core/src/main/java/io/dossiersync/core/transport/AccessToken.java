package io.dossiersync.core.transport;

import java.util.Objects;

/**
 * A bearer token. Its {@link #toString()} never shows the value, so a token that ends up in a log
 * line or an exception message by mistake is still not leaked; only {@link #value()} gives it, for
 * the {@code Authorization} header.
 *
 * @param value the token text, non-blank, without surrounding whitespace
 * @since 0.1.0
 */
public record AccessToken(String value) {

  /** Trims and checks the value. */
  public AccessToken {
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an access token must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            "an access token must be printable ASCII without spaces (position " + i + ")");
      }
    }
  }

  @Override
  public String toString() {
    return "AccessToken[redacted]";
  }
}
