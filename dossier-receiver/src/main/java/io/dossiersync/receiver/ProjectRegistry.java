package io.dossiersync.receiver;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which projects the receiver knows: every project when {@code acceptAny} is on, else the
 * registered ones. A namespace is known when its project is. Thread-safe.
 */
final class ProjectRegistry {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile boolean acceptAny;

  ProjectRegistry(boolean acceptAny) {
    this.acceptAny = acceptAny;
  }

  void acceptAny(boolean accept) {
    acceptAny = accept;
  }

  void register(String projectUuid) {
    registered.add(canonical(projectUuid));
  }

  boolean isKnown(String projectUuid) {
    return acceptAny || registered.contains(projectUuid.toLowerCase(Locale.ROOT));
  }

  static String canonical(String projectUuid) {
    if (!UUID_TEXT.matcher(projectUuid).matches()) {
      throw new IllegalArgumentException(
          "projectUuid must be a UUID in 8-4-4-4-12 hex form, got '" + projectUuid + "'");
    }
    return projectUuid.toLowerCase(Locale.ROOT);
  }
}
