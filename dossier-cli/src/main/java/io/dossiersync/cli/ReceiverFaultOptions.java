package io.dossiersync.cli;

import io.dossiersync.receiver.ReceiverFaults;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The fault knobs of {@code dossier receiver} (a mixin), for trying a drain against the answers of
 * PRODUCT.md §4.2 by hand: a batch-size limit (413), poison events (400 for their batch), dripping
 * answers and bare 404s.
 */
final class ReceiverFaultOptions {

  @Option(
      names = "--max-batch-events",
      paramLabel = "N",
      description = "Answer 413 to an event batch with more than N events.")
  Integer maxBatchEvents;

  @Option(
      names = "--poison-event",
      paramLabel = "ID",
      description = "Answer 400 to every event batch holding this event id (repeatable).")
  List<String> poisonEvents;

  @Option(
      names = "--drip-ms",
      paramLabel = "MS",
      description = "Send every answer body one byte every MS milliseconds.")
  Integer dripMillis;

  @Option(
      names = "--bare-404-rate",
      paramLabel = "R",
      description = "Answer this share (0.0 to 1.0) of requests with a bare 404, like a proxy.")
  Double bareNotFoundRate;

  /**
   * Applies the knobs that were given.
   *
   * @throws CliException (exit 2) naming the flag when a value is out of range
   */
  void applyTo(ReceiverFaults faults) {
    try {
      if (maxBatchEvents != null) {
        faults.maxBatchEvents(maxBatchEvents);
      }
      if (poisonEvents != null && !poisonEvents.isEmpty()) {
        faults.poisonEvents(poisonEvents.toArray(String[]::new));
      }
      if (dripMillis != null) {
        faults.dripAnswers(Duration.ofMillis(dripMillis));
      }
      if (bareNotFoundRate != null) {
        faults.bareNotFoundRate(bareNotFoundRate);
      }
    } catch (IllegalArgumentException e) {
      throw CliException.usage("receiver fault option: " + e.getMessage());
    }
  }
}
