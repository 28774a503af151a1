package io.dossiersync.http;

import io.dossiersync.core.transport.TokenProvider;

/**
 * Run by {@link EndlessHeaderProcessTest} in a child JVM with a 64 MB heap: sends two event batches
 * to the receiver named by the first argument and prints each reason, then {@code alive}. An answer
 * head that could exhaust memory would end this process with an {@code OutOfMemoryError} instead.
 */
final class EndlessHeaderChild {

  private EndlessHeaderChild() {}

  public static void main(String[] args) {
    HttpTransportConfig config = HttpTransportConfig.builder(args[0]).build();
    try (HttpEventTransport events = HttpEventTransport.create(config, TokenProvider.none())) {
      for (int i = 0; i < 2; i++) {
        System.out.println("reason=" + events.send(Samples.events("E" + i)).reason());
      }
    }
    System.out.println("alive");
  }
}
