package io.dossiersync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ReceiverMain} child process: started fresh for each drain round (so every body is new to
 * it), stopped by closing its standard input. Cold by default, as a fresh process is; with the
 * environment variable {@code DOSSIER_BENCH_RECEIVER=warm} it is warmed ({@link ReceiverWarmUp})
 * before its first measured request, as a long-running remote receiver is. Not thread-safe.
 */
final class ReceiverProcess implements AutoCloseable {

  private final Process process;
  private final String baseUri;

  private ReceiverProcess(Process process, String baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /** Starts a receiver with {@code delayMs} added to each answer and waits until it listens. */
  static ReceiverProcess start(List<String> javaCommand, long delayMs) throws IOException {
    return start(javaCommand, delayMs, true);
  }

  /** As {@link #start(List, long)}; {@code requireIndex} false accepts bodies without events. */
  static ReceiverProcess start(List<String> javaCommand, long delayMs, boolean requireIndex)
      throws IOException {
    List<String> command = new java.util.ArrayList<>(javaCommand);
    command.add(ReceiverMain.class.getName());
    command.add(String.valueOf(delayMs));
    command.add(requireIndex ? "required" : "optional");
    command.add(mode());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening ")) {
      process.destroyForcibly();
      throw new IllegalStateException("the receiver process did not start: " + line);
    }
    return new ReceiverProcess(process, line.substring("listening ".length()).strip());
  }

  /** {@code warm} or {@code cold}: how every receiver process of this run starts. */
  static String mode() {
    return "warm".equals(System.getenv("DOSSIER_BENCH_RECEIVER")) ? "warm" : "cold";
  }

  String baseUri() {
    return baseUri;
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
