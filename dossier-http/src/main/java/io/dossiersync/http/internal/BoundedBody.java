package io.dossiersync.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/**
 * Reads at most a fixed number of answer bytes (PRODUCT.md §4.4). Whether more was on offer is
 * reported, so the caller can drop the connection instead of reading (or draining) the rest. The
 * stream is left open: closing an unfinished HttpClient entity stream would read it to its end.
 */
final class BoundedBody {

  private BoundedBody() {}

  /** What was read: the bytes, and whether the answer went on past the limit. */
  record Read(byte[] bytes, boolean cut) {}

  static Read read(@Nullable HttpEntity entity, int limit) throws IOException {
    if (entity == null) {
      return new Read(new byte[0], false);
    }
    InputStream in = entity.getContent();
    if (in == null) {
      return new Read(new byte[0], false);
    }
    // A declared length sizes the buffer (one byte more, to see an answer longer than it said).
    long declared = entity.getContentLength();
    int initial = declared >= 0 && declared < 8192 ? (int) declared + 1 : 8192;
    byte[] buffer = new byte[Math.min(limit + 1, initial)];
    int filled = 0;
    while (filled <= limit) {
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(limit + 1, buffer.length * 2));
      }
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        return new Read(Arrays.copyOf(buffer, filled), false);
      }
      filled += n;
    }
    return new Read(Arrays.copyOf(buffer, limit), true);
  }
}
