package io.dossiersync.reliability;

import java.util.function.Consumer;

/**
 * One row of the hostile-input table: a name, how it spoils a valid checkout, and the documented
 * end it must reach.
 *
 * @param name what the case is, shown as the test's name
 * @param setup spoils the checkout and adds arguments
 * @param expected the outcome of PRODUCT.md §2 or the refusal it must end in
 */
record HostileCase(String name, Consumer<HostileCheckout> setup, Expected expected) {

  /** What a case must end in. */
  sealed interface Expected permits Outcome, NotIndexed, Refused {}

  /**
   * Exit 0 and one artifact row with this status and exact reason ({@code null}: none).
   *
   * @param path the artifact's path
   * @param status its status
   * @param reason its whole reason, or null
   */
  record Outcome(String path, String status, String reason) implements Expected {}

  /**
   * Exit 0 and no artifact row at or under this path (symlinks that escape or loop, hidden files).
   *
   * @param path the path that must not appear, nor anything under it
   */
  record NotIndexed(String path) implements Expected {}

  /**
   * Exit 2, one clear error line on stderr mentioning {@code mentions}, nothing enqueued.
   *
   * @param mentions a fragment the message must hold (the file, field or option at fault)
   * @param oneLine whether the whole error must be one line (it always must: YAML and JSON syntax
   *     errors are reduced to the parser's first line and the place it stopped)
   */
  record Refused(String mentions, boolean oneLine) implements Expected {}

  static HostileCase queued(String name, String path, Consumer<HostileCheckout> setup) {
    return new HostileCase(name, setup, new Outcome(path, "queued", null));
  }

  static HostileCase skipped(
      String name, String path, String reason, Consumer<HostileCheckout> setup) {
    return new HostileCase(name, setup, new Outcome(path, "skipped", reason));
  }

  static HostileCase notIndexed(String name, String path, Consumer<HostileCheckout> setup) {
    return new HostileCase(name, setup, new NotIndexed(path));
  }

  static HostileCase refused(String name, String mentions, Consumer<HostileCheckout> setup) {
    return new HostileCase(name, setup, new Refused(mentions, true));
  }

  static HostileCase refusedYamlSyntax(
      String name, String mentions, Consumer<HostileCheckout> setup) {
    return new HostileCase(
        name + " (one line with line and column)", setup, new Refused(mentions, true));
  }

  @Override
  public String toString() {
    return name;
  }
}
