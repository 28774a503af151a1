package io.dossiersync.bench;

import io.dossiersync.receiver.ReferenceReceiver;
import java.time.Duration;

/**
 * The reference receiver in its own process for the {@code cli} scenario: any bearer token, every
 * project, index entries required (events come first, as a drain sends them), and an optional delay
 * before each answer. Prints {@code listening <base-uri>} and runs until its standard input closes.
 * Usage: {@code ReceiverMain [delay-ms=0] [index-entries=required|optional] [cold|warm]}; {@code
 * optional} accepts bodies no event announced (the {@code client-cpu} scenario sends no events);
 * {@code warm} warms it ({@link ReceiverWarmUp}, with no delay; the delay is set after) before it
 * prints its address.
 */
public final class ReceiverMain {

  private ReceiverMain() {}

  /**
   * Runs the receiver until standard input closes.
   *
   * @param args the added latency per answer in milliseconds, then whether index entries are
   *     required (both optional)
   * @throws Exception when the receiver cannot start
   */
  public static void main(String[] args) throws Exception {
    if (System.getProperty(ReferenceReceiver.NODELAY_PROPERTY) == null) {
      System.setProperty(ReferenceReceiver.NODELAY_PROPERTY, "true");
    }
    long delayMs = args.length > 0 ? Long.parseLong(args[0]) : 0;
    boolean requireIndex = args.length < 2 || !args[1].equals("optional");
    boolean warm = args.length > 2 && args[2].equals("warm");
    try (ReferenceReceiver receiver =
        ReferenceReceiver.builder().port(0).requireIndexEntry(requireIndex).start()) {
      if (warm) {
        ReceiverWarmUp.run(receiver.baseUri());
      }
      receiver.faults().responseDelay(Duration.ofMillis(delayMs));
      System.out.println("listening " + receiver.baseUri());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Runs until the harness closes the pipe (or dies).
      }
    }
  }
}
