package io.dossiersync.cli;

import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.receiver.ReferenceReceiverBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dossier demo}: the zero-setup main job. Builds a sample spec-kitty feature in a temporary
 * directory, starts the reference receiver on a free port, syncs the feature through the same code
 * path as {@code dossier sync}, prints the outcome table and cleans up.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Sync a sample feature to a local reference receiver and print the outcomes.",
      "Builds the feature in a temporary directory, starts the receiver on a free port,",
      "syncs and drains. Needs no server, token or set-up."
    },
    footer = {"", "Examples:", "  dossier demo", "  dossier demo --json", "  dossier demo --keep"})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print the sync's JSON document instead of the table.")
  boolean json;

  @Option(
      names = "--keep",
      description =
          "Keep the receiver running (until Ctrl-C) and print the"
              + " URL of its page, and keep the temporary directory (feature, queue file).")
  boolean keep;

  private final CliIo io;

  DemoCommand(CliIo io) {
    this.io = io;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("dossier-demo-");
    String token = HexFormat.of().formatHex(randomBytes(16));
    // Kept, the receiver accepts any bearer token, so that the printed watch command works as is.
    ReferenceReceiverBuilder receiverBuilder = ReferenceReceiver.builder().port(0);
    if (!keep) {
      receiverBuilder.token(token);
    }
    try (ReferenceReceiver receiver = receiverBuilder.start()) {
      Path feature = SampleFeature.create(work);
      Path db = work.resolve("queue.db");
      io.err().println("demo: sample feature " + feature);
      io.err().println("demo: reference receiver on " + receiver.baseUri());
      Map<String, String> env = new HashMap<>(io.env());
      env.put("DOSSIER_DEMO_TOKEN", token);
      CliIo demoIo = new CliIo(io.out(), io.err(), env);
      List<String> args =
          new ArrayList<>(
              List.of(
                  "sync",
                  feature.toString(),
                  "--server",
                  receiver.baseUri().toString(),
                  "--token-env",
                  "DOSSIER_DEMO_TOKEN",
                  "--db",
                  db.toString()));
      if (json) {
        args.add("--json");
      }
      String[] sync = args.toArray(String[]::new);
      int code = DossierCli.command(demoIo, sync).execute(sync);
      io.err()
          .println(
              "demo: the receiver stored "
                  + receiver.ledger().storedBodies().size()
                  + " bodies"
                  + (keep ? "; files kept in " + work : ""));
      if (!keep) {
        io.err()
            .println(
                "demo: next: './dossier demo --keep' to see what arrived in a browser,"
                    + " './dossier watch kitty-specs --server URL' to keep a checkout synced");
        return code;
      }
      io.err().println("demo: see what arrived: " + receiver.baseUri() + "/");
      io.err().println("demo: keep the sample synced (edit its spec.md and watch the page):");
      io.err()
          .println(
              "  DOSSIER_TOKEN=demo ./dossier watch "
                  + feature
                  + " --server "
                  + receiver.baseUri()
                  + " --db "
                  + db);
      io.err().println("demo: the receiver runs until Ctrl-C");
      StopSignal stop = StopSignal.install();
      stop.await();
      return code;
    } finally {
      if (!keep) {
        SampleFeature.deleteTree(work);
      }
    }
  }
}
