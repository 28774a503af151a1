package io.dossiersync.postgres;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import java.util.ArrayList;
import java.util.List;

/** The namespaces and body tasks that the PostgreSQL store's tests share. Stateless. */
final class TestTasks {

  /** The project of every namespace of these tests. */
  static final String PROJECT = "11111111-2222-3333-4444-555555555555";

  private TestTasks() {}

  /**
   * A feature of {@link #PROJECT} on branch {@code main}, mission {@code software-dev}, manifest
   * version {@code 1}.
   *
   * @param featureSlug the feature
   * @return the namespace
   */
  static NamespaceRef namespace(String featureSlug) {
    return new NamespaceRef(PROJECT, featureSlug, "main", "software-dev", "1");
  }

  /**
   * Bodies number {@code from} (inclusive) to {@code to} (exclusive) of one namespace: upload id
   * {@code u<i>}, path {@code doc-<i>.md}, hash {@code h<i>}, body {@code body <i>}.
   *
   * @param namespace their namespace
   * @param from the first number
   * @param to one past the last number
   * @return the tasks, in number order
   */
  static List<BodyUploadTask> numberedBodies(NamespaceRef namespace, int from, int to) {
    List<BodyUploadTask> tasks = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      tasks.add(
          new BodyUploadTask("u" + i, namespace, "doc-" + i + ".md", "h" + i, "body " + i, 6));
    }
    return tasks;
  }
}
