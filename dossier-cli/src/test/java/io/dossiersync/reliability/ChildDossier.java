package io.dossiersync.reliability;

import io.dossiersync.cli.JavaCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code dossier} command in a child JVM ({@code java -cp <test classpath>
 * io.dossiersync.cli.DossierCli …}), so it can be killed with {@link Process#destroyForcibly()}
 * (SIGKILL on Linux) like a real process. Its stdout and stderr are collected line by line by two
 * daemon threads; a kill may cut the last line short.
 */
final class ChildDossier implements AutoCloseable {

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;
  private final long startedAt = System.nanoTime();
  private volatile long endedAt;

  private ChildDossier(Process process) {
    this.process = process;
    process.onExit().thenRun(() -> endedAt = System.nanoTime());
    this.outReader = reader(process.getInputStream(), out, "out");
    this.errReader = reader(process.getErrorStream(), err, "err");
  }

  /** Starts {@code dossier args…} with {@code env} added to this JVM's environment. */
  static ChildDossier start(Map<String, String> env, String... args) throws IOException {
    return start(JavaCommand.dossier(args), env, List.of());
  }

  /** Starts any command with {@code env} added to, and {@code unset} removed from, this JVM's. */
  static ChildDossier start(List<String> command, Map<String, String> env, List<String> unset)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    unset.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    return new ChildDossier(builder.start());
  }

  private Thread reader(InputStream stream, List<String> lines, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the pipe closes when the child dies: what was read so far stays
              }
            },
            "child-" + name + "-" + process.pid());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Waits until at least {@code count} stderr lines match, or the child ends, or the timeout.
   *
   * @return whether the lines appeared while the child was alive
   */
  boolean awaitStderr(Predicate<String> line, int count, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      if (err.stream().filter(line).count() >= count) {
        return process.isAlive();
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(2);
    }
    return false;
  }

  /** How long the child ran, in milliseconds (so far, while it runs). */
  long runMillis() {
    long end = endedAt;
    return ((end == 0 ? System.nanoTime() : end) - startedAt) / 1_000_000;
  }

  /** Whether the child still runs. */
  boolean alive() {
    return process.isAlive();
  }

  /** Kills the child at once (SIGKILL) and waits for it and its output to end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    outReader.join(10_000);
    errReader.join(10_000);
  }

  /** Waits for a normal exit and returns the whole run. */
  CliRun await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      String threads = threadDump();
      process.destroyForcibly();
      throw new AssertionError(
          "dossier child did not finish within "
              + seconds
              + " s; stderr:\n"
              + String.join("\n", err)
              + "\n--- its threads:\n"
              + threads);
    }
    outReader.join(10_000);
    errReader.join(10_000);
    return new CliRun(process.exitValue(), String.join("\n", out), String.join("\n", err));
  }

  /** The child's threads ({@code jcmd <pid> Thread.print}), for the message of a hang. */
  private String threadDump() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process dump =
          new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .start();
      String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      dump.waitFor(30, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      return "no thread dump: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no thread dump: interrupted";
    }
  }

  /** Asks the child to stop (SIGTERM on Linux), as a service manager does; returns at once. */
  void terminate() {
    process.destroy();
  }

  /** The stdout lines read so far. */
  List<String> stdout() {
    return List.copyOf(out);
  }

  /** The stderr lines read so far. */
  List<String> stderr() {
    return List.copyOf(err);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
