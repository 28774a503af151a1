package io.dossiersync.cli;

import java.util.List;
import java.util.Map;

/** The one-line summary printed under the artifact table. */
final class Summary {

  private static final List<String> ORDER =
      List.of("uploaded", "already_exists", "queued", "skipped", "failed");

  private Summary() {}

  static String line(Map<String, Integer> counts, int features, QueueLeft left) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder line = new StringBuilder();
    if (features > 1) {
      line.append(features).append(" features, ");
    }
    line.append(total).append(total == 1 ? " artifact: " : " artifacts: ");
    for (int i = 0; i < ORDER.size(); i++) {
      line.append(i == 0 ? "" : ", ")
          .append(counts.getOrDefault(ORDER.get(i), 0))
          .append(' ')
          .append(ORDER.get(i));
    }
    return line.append(left.summary()).toString();
  }
}
