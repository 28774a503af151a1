package io.dossiersync.cli;

import io.dossiersync.core.queue.QueueStoreException;
import io.dossiersync.receiver.ReferenceReceiver;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code dossier} entry point. {@link #run} is the whole command, reusable in-process (the
 * tests call it); {@link #main} adds the process exit.
 */
public final class DossierCli {

  private DossierCli() {}

  /**
   * Runs the command and exits with its code. As the process's owner it may set system properties:
   * the slf4j-simple set-up ({@link Logging}) and, for the commands that open a queue (not the
   * top-level help or version, not the receiver), sqlite-jdbc's cached native library ({@link
   * NativeLibraryCache}).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    CliIo io = CliIo.system();
    if (System.getProperty(ReferenceReceiver.NODELAY_PROPERTY) == null) {
      // An application may set it (a library may not): fast answers from `receiver` and `demo`.
      System.setProperty(ReferenceReceiver.NODELAY_PROPERTY, "true");
    }
    if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals("receiver")) {
      NativeLibraryCache.install(io.env());
    }
    System.exit(run(args, io));
  }

  /**
   * Runs the command in-process with the given streams and environment and returns its exit code
   * (0, 1, 2 or 3 as PRODUCT.md §6 defines); never throws for a failed command.
   *
   * @param args the command line, without the program name
   * @param io where output goes and where the environment comes from
   * @return the exit code
   */
  public static int run(String[] args, CliIo io) {
    Logging.configure(args);
    CommandLine cli = command(io, args);
    return cli.execute(args);
  }

  /**
   * The command line for {@code args}: when the first argument names a subcommand, only that one is
   * built (picocli reads every option of every command it is given, a large share of a short
   * command's start); otherwise (the top-level help, a mistyped command, and {@code completion},
   * whose script lists every command) all of them.
   */
  static CommandLine command(CliIo io, String... args) {
    CommandFactory factory = new CommandFactory(io);
    CommandLine cli = new CommandLine(new DossierCommand(), factory);
    String first = args.length > 0 ? args[0] : "";
    boolean named =
        !first.equals("completion")
            && CommandFactory.SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(first));
    for (Class<?> type : CommandFactory.SUBCOMMANDS) {
      if (!named || name(type).equals(first)) {
        cli.addSubcommand(name(type), new CommandLine(type, factory));
      }
    }
    cli.setOut(new java.io.PrintWriter(io.out(), true));
    cli.setErr(new java.io.PrintWriter(io.err(), true));
    cli.setParameterExceptionHandler(usageErrors(io));
    cli.setExecutionExceptionHandler(executionErrors(io));
    cli.setExitCodeExceptionMapper(e -> ExitCode.FAILED);
    return cli;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(picocli.CommandLine.Command.class).name();
  }

  private static IParameterExceptionHandler usageErrors(CliIo io) {
    return (ParameterException e, String[] args) -> {
      io.err().println("dossier: " + e.getMessage());
      io.err()
          .println(
              "Try '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage and examples.");
      return ExitCode.USAGE;
    };
  }

  private static IExecutionExceptionHandler executionErrors(CliIo io) {
    IParameterExceptionHandler usage = usageErrors(io);
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      if (e instanceof ParameterException parameter) {
        return usage.handleParseException(parameter, parsed.originalArgs().toArray(String[]::new));
      }
      boolean verbose =
          parsed.subcommand() != null
              ? parsed.subcommand().hasMatchedOption("--verbose")
              : parsed.hasMatchedOption("--verbose");
      int code;
      String message;
      if (e instanceof CliException cli) {
        code = cli.exitCode();
        message = cli.getMessage();
      } else if (e instanceof QueueStoreException) {
        code = ExitCode.FAILED;
        message = e.getMessage();
      } else {
        code = ExitCode.FAILED;
        message = "unexpected error: " + e + " (run again with --verbose for details)";
      }
      io.err().println("dossier: " + message);
      if (verbose) {
        e.printStackTrace(io.err());
      }
      return code;
    };
  }
}
