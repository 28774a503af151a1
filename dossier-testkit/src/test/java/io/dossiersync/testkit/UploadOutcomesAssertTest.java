package io.dossiersync.testkit;

import static io.dossiersync.testkit.DossierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.core.body.OutcomeStatus;
import io.dossiersync.core.body.UploadOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadOutcomesAssertTest {

  private static final String HASH = "a".repeat(64);

  private final List<UploadOutcome> outcomes =
      List.of(
          new UploadOutcome(
              "spec.md", OutcomeStatus.UPLOADED, Optional.empty(), Optional.of(HASH), false),
          new UploadOutcome(
              "plan.md",
              OutcomeStatus.QUEUED,
              Optional.of("index_entry_not_found"),
              Optional.of(HASH),
              true),
          UploadOutcome.skipped(
              "research/big.md", "oversized: 524289 bytes > 524288 limit", Optional.of(HASH)),
          UploadOutcome.skipped("notes.txt", "unsupported_surface", Optional.empty()));

  @Test
  void passingChecksChain() {
    assertThat(outcomes)
        .hasStatus("spec.md", OutcomeStatus.UPLOADED)
        .hasReasonCode("research/big.md", "oversized")
        .hasReason("notes.txt", "unsupported_surface")
        .allHaveStatusIn(OutcomeStatus.UPLOADED, OutcomeStatus.QUEUED, OutcomeStatus.SKIPPED)
        .allMatch(
            o -> o.contentHash().isPresent() || o.status() == OutcomeStatus.SKIPPED,
            "a hash unless skipped")
        .noneFailed()
        .hasStatusCount(OutcomeStatus.SKIPPED, 2)
        .containsExactlyPaths("spec.md", "plan.md", "research/big.md", "notes.txt")
        .containsExactlyPathsInAnyOrder("notes.txt", "spec.md", "research/big.md", "plan.md")
        .hasOneOutcomePerPath();
  }

  @Test
  void wrongStatusFailsWithTheOutcomeTable() {
    assertThatThrownBy(() -> assertThat(outcomes).hasStatus("plan.md", OutcomeStatus.UPLOADED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected plan.md to be uploaded but was queued")
        .hasMessageContaining("outcomes (4):")
        .hasMessageContaining("research/big.md")
        .hasMessageContaining("oversized: 524289 bytes > 524288 limit");
  }

  @Test
  void wrongReasonCodeNamesBothCodes() {
    assertThatThrownBy(() -> assertThat(outcomes).hasReasonCode("research/big.md", "empty_content"))
        .hasMessageContaining("to have reason code empty_content but had oversized");
    assertThatThrownBy(() -> assertThat(outcomes).hasReasonCode("spec.md", "x"))
        .hasMessageContaining("but had no reason");
  }

  @Test
  void unknownPathFails() {
    assertThatThrownBy(() -> assertThat(outcomes).hasStatus("tasks.md", OutcomeStatus.UPLOADED))
        .hasMessageContaining("expected one outcome for tasks.md but found 0");
  }

  @Test
  void allHaveStatusInListsTheOffenders() {
    assertThatThrownBy(() -> assertThat(outcomes).allHaveStatusIn(OutcomeStatus.UPLOADED))
        .hasMessageContaining("[plan.md, research/big.md, notes.txt]");
  }

  @Test
  void pathChecksReportMissingExtraAndOrder() {
    assertThatThrownBy(
            () ->
                assertThat(outcomes)
                    .containsExactlyPathsInAnyOrder(
                        "spec.md", "plan.md", "research/big.md", "tasks.md"))
        .hasMessageContaining("missing [tasks.md], unexpected [notes.txt]");
    assertThatThrownBy(
            () ->
                assertThat(outcomes)
                    .containsExactlyPaths("plan.md", "spec.md", "research/big.md", "notes.txt"))
        .hasMessageContaining("in this order");
  }

  @Test
  void countsAndDuplicatesAreChecked() {
    List<UploadOutcome> twice = List.of(outcomes.get(0), outcomes.get(0));

    assertThatThrownBy(() -> assertThat(twice).hasOneOutcomePerPath())
        .hasMessageContaining("several: [spec.md]");
    assertThatThrownBy(() -> assertThat(outcomes).hasStatusCount(OutcomeStatus.FAILED, 1))
        .hasMessageContaining("expected 1 failed outcomes but found 0");
    assertThatThrownBy(
            () ->
                assertThat(
                        List.of(
                            new UploadOutcome(
                                "x.md",
                                OutcomeStatus.FAILED,
                                Optional.of("queue_full"),
                                Optional.empty(),
                                true)))
                    .noneFailed())
        .hasMessageContaining("these did not: [x.md]");
  }

  @Test
  void assertjListAssertionsStillResolveNextToOurs() {
    List<String> plain = List.of("a", "b");

    assertThat(plain).containsExactly("a", "b");
    assertThat(outcomes).hasStatusCount(OutcomeStatus.UPLOADED, 1);
  }
}
