package io.dossiersync.cli;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.checkout.CheckoutException;
import io.dossiersync.core.checkout.CheckoutNamespace;
import io.dossiersync.core.checkout.NamespaceOverrides;
import io.dossiersync.core.checkout.SpecKittyCheckout;
import io.dossiersync.core.drain.DrainEngine;
import io.dossiersync.core.drain.DrainListener;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.drain.TaskKind;
import io.dossiersync.core.drain.TaskResult;
import io.dossiersync.core.pipeline.DossierPipeline;
import io.dossiersync.core.pipeline.FeatureSyncRequest;
import io.dossiersync.core.pipeline.SyncOptions;
import io.dossiersync.core.queue.ProjectScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier sync}: index, emit events, enqueue bodies, then drain once (PRODUCT.md §6). */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Index feature directories, queue their dossier events and bodies, then send them once.",
      "Namespace fields not given are read from the spec-kitty checkout."
    },
    footer = {
      "",
      "Examples:",
      "  dossier sync kitty-specs/047-my-feature",
      "  dossier sync kitty-specs --no-drain --db /tmp/queue.db",
      "  DOSSIER_TOKEN=... dossier sync --server https://dossier.example.com --json \\",
      "      --target-branch main kitty-specs/047-my-feature"
    })
final class SyncCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin ConcurrencyOption concurrency;

  @Parameters(
      arity = "1..*",
      paramLabel = "FEATURE_DIR",
      description = "Feature directories, or a kitty-specs directory meaning every feature in it.")
  List<Path> featureDirs;

  @Mixin NamespaceFlags flags;

  @Option(names = "--no-drain", description = "Only queue; send later with 'dossier drain'.")
  boolean noDrain;

  private final CliIo io;

  SyncCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    int inFlight = concurrency.value();
    List<FeatureTarget> targets = resolveNamespaces(FeatureDirectories.expand(featureDirs));
    SyncOptions options = flags.syncOptions();
    try (CliSession session = CliSession.open(common, io)) {
      List<SyncedFeature> features = syncAll(session, targets, options);
      SortedSet<String> projects = new TreeSet<>();
      features.forEach(f -> projects.add(f.namespace().projectUuid()));
      ProjectScope scope = ProjectScope.of(projects);
      Optional<DrainReport> drain = drain(session, scope, features, inFlight);
      SyncReport report = new SyncReport(features, QueueLeft.read(session.store(), scope));
      if (common.json) {
        Json.print(io.out(), report.json());
      } else {
        report.printTable(io.out());
      }
      boolean tokenRejected = drain.map(DrainReport::authPaused).orElse(false);
      if (tokenRejected) {
        io.err()
            .println(
                "dossier: the receiver rejected the token (401); bodies stay queued."
                    + " Set "
                    + common.tokenEnv
                    + " or --token-file to a valid token, then run"
                    + " 'dossier drain'");
      }
      return report.failed() || tokenRejected ? ExitCode.FAILED : ExitCode.OK;
    }
  }

  /** A feature directory and the namespace read for it. */
  private record FeatureTarget(Path dir, CheckoutNamespace checkout) {}

  /** A feature directory's namespace, or why it could not be read. */
  private record Resolution(Path dir, Optional<CheckoutNamespace> checkout, String error) {}

  /**
   * Reads every feature's namespace (its meta.json and the checkout's config), on the common pool's
   * threads since each is a few small files; warnings and the first error are told in directory
   * order, and an error queues nothing.
   */
  private List<FeatureTarget> resolveNamespaces(List<Path> dirs) {
    NamespaceOverrides overrides = flags.overrides();
    SpecKittyCheckout checkout = new SpecKittyCheckout();
    List<Resolution> read =
        dirs.parallelStream()
            .map(
                dir -> {
                  try {
                    return new Resolution(dir, Optional.of(checkout.read(dir, overrides)), "");
                  } catch (CheckoutException | IllegalArgumentException e) {
                    return new Resolution(dir, Optional.empty(), e.getMessage());
                  }
                })
            .toList();
    List<FeatureTarget> resolved = new ArrayList<>();
    for (Resolution resolution : read) {
      if (resolution.checkout().isEmpty()) {
        throw CliException.usage(
            resolution.error() + " (in " + resolution.dir() + "; nothing was queued)");
      }
      CheckoutNamespace namespace = resolution.checkout().get();
      namespace.warnings().forEach(w -> io.err().println("dossier: warning: " + w));
      resolved.add(new FeatureTarget(resolution.dir(), namespace));
    }
    return resolved;
  }

  private List<SyncedFeature> syncAll(
      CliSession session, List<FeatureTarget> targets, SyncOptions options) {
    DossierPipeline pipeline =
        DossierPipeline.builder().queueStore(session.store()).clock(session.clock()).build();
    List<SyncedFeature> features = new ArrayList<>();
    Progress progress = new Progress(io.err(), targets.size() > 1);
    List<FeatureSyncRequest> requests =
        targets.stream()
            .map(t -> new FeatureSyncRequest(t.dir(), t.checkout().namespace(), options))
            .toList();
    pipeline.syncAll(
        requests,
        result -> {
          SyncedFeature feature = new SyncedFeature(result);
          feature.errors().forEach(e -> io.err().println("dossier: " + e));
          progress.feature(
              features.size() + 1,
              targets.size(),
              feature.namespace().featureSlug(),
              feature.rows().size());
          features.add(feature);
        });
    return features;
  }

  private Optional<DrainReport> drain(
      CliSession session, ProjectScope scope, List<SyncedFeature> features, int concurrency) {
    if (noDrain) {
      return Optional.empty();
    }
    if (session.server().isEmpty()) {
      io.err()
          .println(
              "dossier: no receiver configured (--server or DOSSIER_SERVER_URL);"
                  + " everything stays queued");
      return Optional.empty();
    }
    Queue<TaskResult> bodyResults = new ConcurrentLinkedQueue<>();
    DrainListener collect =
        new DrainListener() {
          @Override
          public void onTask(TaskResult result) {
            if (result.kind() == TaskKind.BODY) {
              bodyResults.add(result);
            }
          }
        };
    ReceiverReachability reachability = new ReceiverReachability();
    DrainReport report;
    try (DrainEngine engine =
        session.drainEngine(
            scope, new Progress(io.err(), true).and(reachability).and(collect), concurrency)) {
      report = engine.drainOnce();
    }
    reachability.report(io.err(), session.server().orElseThrow());
    Map<NamespaceRef, List<SyncedFeature>> byNamespace =
        features.stream().collect(Collectors.groupingBy(SyncedFeature::namespace));
    for (TaskResult result : bodyResults) {
      byNamespace.getOrDefault(result.namespace(), List.of()).forEach(f -> f.apply(result));
    }
    return Optional.of(report);
  }

  /** The whole run's output. */
  private record SyncReport(List<SyncedFeature> features, QueueLeft left) {

    boolean failed() {
      return features.stream().anyMatch(SyncedFeature::failed);
    }

    Map<String, Object> json() {
      if (features.size() == 1) {
        return left.addTo(features.get(0).json());
      }
      List<Map<String, Object>> all = new ArrayList<>();
      features.forEach(f -> all.add(f.json()));
      return left.addTo(Json.object("features", all));
    }

    void printTable(java.io.PrintStream out) {
      boolean many = features.size() > 1;
      Table table =
          many
              ? new Table("FEATURE", "PATH", "STATUS", "REASON")
              : new Table("PATH", "STATUS", "REASON");
      Map<String, Integer> counts = new java.util.TreeMap<>();
      for (SyncedFeature feature : features) {
        for (ArtifactRow row : feature.rows()) {
          String reason = row.reason().orElse("");
          if (many) {
            table.row(feature.namespace().featureSlug(), row.path(), row.status(), reason);
          } else {
            table.row(row.path(), row.status(), reason);
          }
          counts.merge(row.status(), 1, Integer::sum);
        }
      }
      table.print(out);
      out.println(Summary.line(counts, features.size(), left));
    }
  }
}
