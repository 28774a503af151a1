package io.dossiersync.testkit;

import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a list of {@link UploadOutcome}s; get one from {@link
 * DossierAssertions#assertThat(List)}. Every failure message ends with a table of all outcomes
 * (path, status, reason). Not thread-safe, like every AssertJ assertion object.
 *
 * @since 0.1.0
 */
public final class UploadOutcomesAssert
    extends AbstractAssert<UploadOutcomesAssert, List<UploadOutcome>> {

  UploadOutcomesAssert(List<UploadOutcome> actual) {
    super(List.copyOf(actual), UploadOutcomesAssert.class);
  }

  /**
   * Checks that the outcome for {@code path} has {@code status}.
   *
   * @param path the artifact path
   * @param status the expected status
   * @return this
   */
  public UploadOutcomesAssert hasStatus(String path, OutcomeStatus status) {
    UploadOutcome outcome = outcomeFor(path);
    if (outcome.status() != status) {
      fail(
          "expected "
              + path
              + " to be "
              + status.wireName()
              + " but was "
              + outcome.status().wireName());
    }
    return this;
  }

  /**
   * Checks the reason code (the part before the first {@code :}) of the outcome for {@code path}.
   *
   * @param path the artifact path
   * @param code e.g. {@code oversized}
   * @return this
   */
  public UploadOutcomesAssert hasReasonCode(String path, String code) {
    Optional<String> actualCode = outcomeFor(path).reasonCode();
    if (!actualCode.equals(Optional.of(code))) {
      fail(
          "expected "
              + path
              + " to have reason code "
              + code
              + " but had "
              + actualCode.orElse("no reason"));
    }
    return this;
  }

  /**
   * Checks the whole reason (code and detail) of the outcome for {@code path}.
   *
   * @param path the artifact path
   * @param reason e.g. {@code unsupported_format: .txt}
   * @return this
   */
  public UploadOutcomesAssert hasReason(String path, String reason) {
    Optional<String> actualReason = outcomeFor(path).reason();
    if (!actualReason.equals(Optional.of(reason))) {
      fail(
          "expected "
              + path
              + " to have reason '"
              + reason
              + "' but had "
              + actualReason.map(r -> "'" + r + "'").orElse("no reason"));
    }
    return this;
  }

  /**
   * Checks that every outcome has one of the given statuses.
   *
   * @param statuses the allowed statuses, at least one
   * @return this
   */
  public UploadOutcomesAssert allHaveStatusIn(OutcomeStatus... statuses) {
    Set<OutcomeStatus> allowed = EnumSet.noneOf(OutcomeStatus.class);
    allowed.addAll(Arrays.asList(statuses));
    return allMatch(o -> allowed.contains(o.status()), "a status in " + allowed);
  }

  /**
   * Checks that every outcome satisfies a condition.
   *
   * @param condition the condition
   * @param description what the condition means, for the failure message
   * @return this
   */
  public UploadOutcomesAssert allMatch(Predicate<UploadOutcome> condition, String description) {
    isNotNull();
    List<String> offending =
        actual.stream()
            .filter(condition.negate())
            .map(UploadOutcome::artifactPath)
            .collect(Collectors.toList());
    if (!offending.isEmpty()) {
      fail("expected every outcome to have " + description + " but these did not: " + offending);
    }
    return this;
  }

  /**
   * Checks that no outcome is {@code failed}.
   *
   * @return this
   */
  public UploadOutcomesAssert noneFailed() {
    return allMatch(o -> o.status() != OutcomeStatus.FAILED, "a status other than failed");
  }

  /**
   * Checks how many outcomes have a status.
   *
   * @param status the status
   * @param count the expected number
   * @return this
   */
  public UploadOutcomesAssert hasStatusCount(OutcomeStatus status, int count) {
    isNotNull();
    long actualCount = actual.stream().filter(o -> o.status() == status).count();
    if (actualCount != count) {
      fail("expected " + count + " " + status.wireName() + " outcomes but found " + actualCount);
    }
    return this;
  }

  /**
   * Checks the artifact paths, in order, with nothing missing and nothing extra.
   *
   * @param paths the expected paths in order
   * @return this
   */
  public UploadOutcomesAssert containsExactlyPaths(String... paths) {
    if (!paths().equals(List.of(paths))) {
      fail("expected exactly the paths " + List.of(paths) + " in this order but got " + paths());
    }
    return this;
  }

  /**
   * Checks the artifact paths in any order, with nothing missing and nothing extra.
   *
   * @param paths the expected paths
   * @return this
   */
  public UploadOutcomesAssert containsExactlyPathsInAnyOrder(String... paths) {
    List<String> expected = Arrays.stream(paths).sorted().collect(Collectors.toList());
    List<String> got = paths().stream().sorted().collect(Collectors.toList());
    if (!got.equals(expected)) {
      List<String> missing =
          expected.stream().filter(p -> !got.contains(p)).collect(Collectors.toList());
      List<String> extra =
          got.stream().filter(p -> !expected.contains(p)).collect(Collectors.toList());
      fail(
          "expected exactly the paths "
              + expected
              + " in any order; missing "
              + missing
              + ", unexpected "
              + extra
              + (missing.isEmpty() && extra.isEmpty() ? ", counts differ" : ""));
    }
    return this;
  }

  /**
   * Checks that no artifact path has more than one outcome (each artifact gets exactly one per
   * sync).
   *
   * @return this
   */
  public UploadOutcomesAssert hasOneOutcomePerPath() {
    List<String> duplicated =
        paths().stream()
            .filter(p -> paths().indexOf(p) != paths().lastIndexOf(p))
            .distinct()
            .collect(Collectors.toList());
    if (!duplicated.isEmpty()) {
      fail("expected one outcome per path but these have several: " + duplicated);
    }
    return this;
  }

  private List<String> paths() {
    isNotNull();
    return actual.stream().map(UploadOutcome::artifactPath).collect(Collectors.toList());
  }

  private UploadOutcome outcomeFor(String path) {
    isNotNull();
    List<UploadOutcome> matches =
        actual.stream().filter(o -> o.artifactPath().equals(path)).collect(Collectors.toList());
    if (matches.size() != 1) {
      fail("expected one outcome for " + path + " but found " + matches.size());
    }
    return matches.get(0);
  }

  private void fail(String message) {
    failWithMessage("%s%n%s", message, table());
  }

  private String table() {
    int width =
        Math.max(1, actual.stream().mapToInt(o -> o.artifactPath().length()).max().orElse(1));
    return "outcomes ("
        + actual.size()
        + "):"
        + actual.stream()
            .map(
                o ->
                    String.format(
                        "%n  %-" + width + "s  %-14s  %s",
                        o.artifactPath(),
                        o.status().wireName(),
                        o.reason().orElse("-")))
            .collect(Collectors.joining());
  }
}
