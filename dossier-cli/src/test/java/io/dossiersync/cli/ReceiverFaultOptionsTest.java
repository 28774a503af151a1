package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.receiver.ReferenceReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The fault flags of {@code dossier receiver}: parsed by picocli, applied to the receiver. */
class ReceiverFaultOptionsTest {

  @Test
  void theFlagsSetTheReceiversKnobs() {
    ReceiverCommand command = new ReceiverCommand(new CliIo(System.out, System.err, Map.of()));
    new CommandLine(command)
        .parseArgs(
            "--max-batch-events",
            "5",
            "--poison-event",
            "E1",
            "--poison-event",
            "E2",
            "--drip-ms",
            "250",
            "--bare-404-rate",
            "0.05");

    try (ReferenceReceiver receiver = ReferenceReceiver.builder().start()) {
      command.faults.applyTo(receiver.faults());

      assertThat(receiver.faults().toString())
          .contains("404=0.05", "drip=PT0.25S", "maxBatchEvents=5", "E1", "E2");
    }
    assertThat(command.faults.poisonEvents).isEqualTo(List.of("E1", "E2"));
  }

  @Test
  void anOutOfRangeValueIsBadUsageNamingTheKnob() {
    ReceiverFaultOptions options = new ReceiverFaultOptions();
    options.dripMillis = 120_000;

    try (ReferenceReceiver receiver = ReferenceReceiver.builder().start()) {
      assertThatThrownBy(() -> options.applyTo(receiver.faults()))
          .isInstanceOf(CliException.class)
          .hasMessageContaining("dripAnswers");
    }
  }

  @Test
  void theCommandExitsTwoOnABadValue() {
    CliRun run = CliRun.of(Map.of(), "receiver", "--port", "0", "--bare-404-rate", "2");

    assertThat(run.exit()).as(run.transcript()).isEqualTo(2);
    assertThat(run.err()).contains("bareNotFoundRate");
  }
}
