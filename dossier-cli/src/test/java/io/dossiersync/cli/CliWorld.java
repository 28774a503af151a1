package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.receiver.ReferenceReceiverBuilder;
import io.dossiersync.testkit.fixture.CheckoutFixture;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a CLI test runs against: a spec-kitty checkout on disk, a queue file, a token in the
 * environment and, once started, the reference receiver on a loopback port.
 */
final class CliWorld implements AutoCloseable {

  /** The token the receiver accepts; it must never appear in any output. */
  static final String TOKEN = "tok-7f3c9b2e4d1a-never-printed";

  private final Path dir;
  private final CheckoutFixture checkout;
  private ReferenceReceiver receiver;

  CliWorld(Path dir, String... featureSlugs) {
    this.dir = dir;
    var builder = FeatureDirs.checkout(dir.resolve("checkout"));
    for (String slug : featureSlugs) {
      builder.feature(slug, "main", "software-dev");
    }
    this.checkout = builder.build();
  }

  /** Starts the receiver with the token accepted, adjusted by {@code settings}. */
  ReferenceReceiver startReceiver(UnaryOperator<ReferenceReceiverBuilder> settings) {
    receiver = settings.apply(ReferenceReceiver.builder().port(0).token(TOKEN)).start();
    return receiver;
  }

  ReferenceReceiver startReceiver() {
    return startReceiver(b -> b);
  }

  ReferenceReceiver receiver() {
    return receiver;
  }

  CheckoutFixture checkout() {
    return checkout;
  }

  FeatureFixture feature(int index) {
    return checkout.features().get(index);
  }

  Path db() {
    return dir.resolve("queue.db");
  }

  Map<String, String> env() {
    return Map.of("DOSSIER_TOKEN", TOKEN, "DOSSIER_HOME", dir.resolve("home").toString());
  }

  /** {@code --db PATH} alone, for the commands that need no receiver. */
  List<String> offline() {
    return List.of("--db", db().toString());
  }

  /** {@code --server URL --db PATH} for the running receiver. */
  List<String> online() {
    return List.of("--server", receiver.baseUri().toString(), "--db", db().toString());
  }

  /** {@code --server URL --db PATH} for a loopback port nothing listens on. */
  List<String> unreachable() {
    return List.of("--server", "http://127.0.0.1:" + closedPort(), "--db", db().toString());
  }

  /** Runs {@code dossier command options… more…}. */
  CliRun run(String command, List<String> options, String... more) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(options);
    args.addAll(List.of(more));
    return CliRun.of(env(), args);
  }

  /** Runs {@code dossier sync --db PATH --no-drain more…}: enqueues without delivering. */
  CliRun syncNoDrain(String... more) {
    return run("sync", offline(), CliRun.args(List.of("--no-drain"), more).toArray(String[]::new));
  }

  /** Enqueues the first feature without delivering it, and checks that the sync exited 0. */
  void queueFirstFeature() {
    CliRun sync = syncNoDrain(feature(0).dir().toString());
    assertThat(sync.exit()).as(sync.transcript()).isZero();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
