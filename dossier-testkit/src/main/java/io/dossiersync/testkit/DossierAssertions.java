package io.dossiersync.testkit;

import io.dossiersync.core.body.UploadOutcome;
import io.dossiersync.receiver.ReceiverLedger;
import java.util.List;

/**
 * AssertJ entry point for dossier-sync values: upload outcomes and the reference receiver's ledger.
 *
 * <pre>{@code
 * import static io.dossiersync.testkit.DossierAssertions.assertThat;
 *
 * assertThat(outcomes)
 *     .containsExactlyPathsInAnyOrder("spec.md", "notes.txt")
 *     .hasStatus("spec.md", OutcomeStatus.UPLOADED)
 *     .hasReasonCode("notes.txt", "unsupported_surface");
 * assertThat(receiver.ledger()).hasNoDuplicateStores().hasStoredCount(1);
 * }</pre>
 *
 * <p>These overloads are more specific than AssertJ's own {@code assertThat(List)} and {@code
 * assertThat(Object)}, so both static imports may be used in one test class. Stateless.
 *
 * @since 0.1.0
 */
public final class DossierAssertions {

  private DossierAssertions() {}

  /**
   * Assertions on the outcomes of a sync or drain.
   *
   * @param outcomes the outcomes
   * @return the assertion object
   */
  public static UploadOutcomesAssert assertThat(List<UploadOutcome> outcomes) {
    return new UploadOutcomesAssert(outcomes);
  }

  /**
   * Assertions on what a reference receiver received.
   *
   * @param ledger the receiver's ledger
   * @return the assertion object
   */
  public static ReceiverLedgerAssert assertThat(ReceiverLedger ledger) {
    return new ReceiverLedgerAssert(ledger);
  }
}
