package io.dossiersync.receiver;

/**
 * The endpoints of the reference receiver (PRODUCT.md §4).
 *
 * @since 0.1.0
 */
public enum Endpoint {
  /** {@code POST /api/dossier/push-content/}: one artifact body. */
  PUSH_CONTENT("/api/dossier/push-content/"),
  /** {@code POST /api/v1/events/batch/}: a gzip-compressed batch of dossier events. */
  EVENT_BATCH("/api/v1/events/batch/"),
  /** Any other path; always answered with a bare 404. */
  OTHER("");

  private final String path;

  Endpoint(String path) {
    this.path = path;
  }

  /**
   * The request path, with its trailing slash.
   *
   * @return the path, empty for {@link #OTHER}
   */
  public String path() {
    return path;
  }

  /**
   * The endpoint a request path names; the match is exact.
   *
   * @param path the request path
   * @return the endpoint, {@link #OTHER} when none matches
   */
  public static Endpoint of(String path) {
    for (Endpoint endpoint : values()) {
      if (endpoint != OTHER && endpoint.path.equals(path)) {
        return endpoint;
      }
    }
    return OTHER;
  }
}
