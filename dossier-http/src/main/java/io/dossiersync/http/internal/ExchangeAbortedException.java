package io.dossiersync.http.internal;

import java.io.IOException;

/**
 * A request that this library aborted on purpose (its deadline passed, or its transport was
 * closed); the message is the reason code the sender's result carries.
 */
final class ExchangeAbortedException extends IOException {

  private static final long serialVersionUID = 1L;

  ExchangeAbortedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
