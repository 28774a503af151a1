package io.dossiersync.core.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token of a file, re-read with a grace on refresh (PRODUCT.md §5): a rotation often reaches
 * the receiver before the file, so {@link #refresh} re-reads the file every {@code interval} for up
 * to {@code grace} until it holds a token different from the rejected one. Thread-safe: refreshes
 * are serialized, and a refresh that finds another thread already replaced the rejected token
 * returns the new one at once. Never logs the token.
 */
final class FileTokenProvider implements TokenProvider {

  /** How often a refresh re-reads the file: 250 ms. */
  static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  /** How long a refresh waits for a different token: 10 s. */
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(FileTokenProvider.class);

  /** How a refresh waits between reads; tests record instead of sleeping. */
  @FunctionalInterface
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Path file;
  private final Duration interval;
  private final Duration grace;
  private final LongSupplier nanoTime;
  private final Pause pause;
  private volatile Optional<AccessToken> current;

  FileTokenProvider(
      Path file, Duration interval, Duration grace, LongSupplier nanoTime, Pause pause) {
    this.file = file;
    this.interval = interval;
    this.grace = grace;
    this.nanoTime = nanoTime;
    this.pause = pause;
    this.current = TokenFile.read(file);
    if (TokenFile.readableByOthers(file)) {
      LOG.warn(
          "the token file {} is readable by its group or others; restrict it (chmod 600)", file);
    }
  }

  static FileTokenProvider system(Path file) {
    return new FileTokenProvider(
        file,
        DEFAULT_INTERVAL,
        DEFAULT_GRACE,
        System::nanoTime,
        d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
  }

  @Override
  public Optional<AccessToken> currentToken() {
    return current;
  }

  @Override
  public synchronized Optional<AccessToken> refresh(Optional<AccessToken> rejected) {
    if (current.isPresent() && !current.equals(rejected)) {
      return current;
    }
    long end = nanoTime.getAsLong() + grace.toNanos();
    while (true) {
      Optional<AccessToken> read = readQuietly();
      if (read.isPresent() && !read.equals(rejected)) {
        current = read;
        return read;
      }
      long left = end - nanoTime.getAsLong();
      if (left <= 0) {
        return Optional.empty();
      }
      try {
        pause.sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private Optional<AccessToken> readQuietly() {
    try {
      return TokenFile.read(file);
    } catch (TokenFileException e) {
      // mid-rotation the file may be missing or half-written; the next read decides
      LOG.debug("{}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "TokenProvider.fromFile[" + file + "]";
  }
}
