package io.dossiersync.cli;

import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.receiver.ReferenceReceiverBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dossier receiver}: runs the testkit's reference receiver until stopped (PRODUCT.md §6).
 */
@Command(
    name = "receiver",
    mixinStandardHelpOptions = true,
    description = {
      "Run the reference receiver on 127.0.0.1 for trying things locally.",
      "It enforces the wire contract strictly. With a token in $DOSSIER_TOKEN (or"
          + " --token-env/--token-file) it requires that token, else any bearer token."
    },
    footer = {
      "",
      "Examples:",
      "  dossier receiver --port 8080",
      "  dossier receiver --port 8080 --data /tmp/receiver --project 8a4a7da6-a97c-4bb4-893a-b31664abfee4"
    })
final class ReceiverCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "8080",
      description = "Port on 127.0.0.1, 0 for a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Append what is received to" + " DIR/ledger.jsonl (never the token).")
  Path data;

  @Option(
      names = "--project",
      paramLabel = "U",
      description =
          "Only know these projects"
              + " (repeatable); others get namespace_not_found. Default: every project.")
  List<String> projects;

  @Option(
      names = "--token-env",
      paramLabel = "NAME",
      defaultValue = "DOSSIER_TOKEN",
      description = "Variable holding the token to require (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--token-file",
      paramLabel = "PATH",
      description = "File holding the token to" + " require.")
  Path tokenFile;

  @Mixin ReceiverFaultOptions faults = new ReceiverFaultOptions();

  private final CliIo io;

  ReceiverCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw CliException.usage("--port must be between 0 and 65535, got " + port);
    }
    ReferenceReceiverBuilder builder = ReferenceReceiver.builder().port(port);
    if (data != null) {
      builder.dataDir(data);
    }
    if (projects != null && !projects.isEmpty()) {
      builder.acceptAnyProject(false);
      projects.forEach(
          p -> builder.registerProject(ProjectArguments.canonicalUuid(p, "--project")));
    }
    TokenSource tokens =
        TokenSource.resolve(java.util.Optional.ofNullable(tokenFile), tokenEnv, io);
    tokens.currentToken().ifPresent(t -> builder.token(t.value()));
    ReferenceReceiver receiver;
    try {
      receiver = builder.start();
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCode.FAILED,
          "cannot start the receiver on port "
              + port
              + ": "
              + e.getMessage()
              + " (try another --port, or 0 for a free one)",
          e);
    }
    try {
      faults.applyTo(receiver.faults());
    } catch (CliException e) {
      receiver.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  receiver.close();
                  stopped.countDown();
                },
                "dossier-receiver-shutdown"));
    io.out()
        .println(
            "reference receiver listening on "
                + receiver.baseUri()
                + (tokens.hasToken() ? " (token required)" : " (any bearer token accepted)"));
    io.out().println("see what arrived: " + receiver.baseUri() + "/ (a read-only page)");
    io.out()
        .println("try: DOSSIER_SERVER_URL=" + receiver.baseUri() + " dossier sync <feature-dir>");
    io.out().println("stop with Ctrl-C");
    stopped.await();
    return ExitCode.OK;
  }
}
