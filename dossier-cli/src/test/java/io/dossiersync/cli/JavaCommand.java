package io.dossiersync.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs a main class of the test class path ({@code -Xmx256m},
 * the client compiler only, the serial collector), for the tests that need a process of their own.
 * Public for the test packages outside {@code io.dossiersync.cli} (reliability).
 */
public final class JavaCommand {

  private JavaCommand() {}

  /**
   * {@code java FLAGS… -cp CLASSPATH MAIN ARGS…}.
   *
   * @param jvmFlags flags added before the class path
   * @param mainClass the main class
   * @param args the main class's arguments
   * @return a mutable list, so callers may add more arguments
   */
  public static List<String> of(List<String> jvmFlags, String mainClass, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true"));
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * {@code dossier ARGS…} in a child JVM.
   *
   * @param args the command line
   * @return a mutable list, so callers may add more arguments
   */
  public static List<String> dossier(String... args) {
    return of(List.of(), DossierCli.class.getName(), args);
  }
}
