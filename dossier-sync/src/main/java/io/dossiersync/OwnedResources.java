package io.dossiersync;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link DossierSync} created and so must close: closed in reverse order of creation, each
 * one even when an earlier one failed. Not thread-safe: filled by the builder, closed once.
 */
final class OwnedResources {

  private static final Logger LOG = LoggerFactory.getLogger(OwnedResources.class);

  private final Deque<AutoCloseable> created = new ArrayDeque<>();

  /**
   * Records a resource this object created.
   *
   * @param resource what to close later
   * @param <T> its type
   * @return the resource
   */
  <T extends AutoCloseable> T add(T resource) {
    created.push(resource);
    return resource;
  }

  /** Closes everything, last created first; a failure is logged and the others still close. */
  void closeAll() {
    RuntimeException first = null;
    while (!created.isEmpty()) {
      AutoCloseable resource = created.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
        if (first == null) {
          first = new IllegalStateException("closing " + resource + " failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
