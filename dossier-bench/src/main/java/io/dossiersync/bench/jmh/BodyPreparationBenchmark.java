package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.core.body.SurfacePolicy;
import io.dossiersync.core.body.internal.BodyPreparer;
import io.dossiersync.core.body.internal.PreparedBody;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.internal.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * SHA-256 of a 4 KiB body, and the whole body preparation of one indexed 4 KiB {@code spec.md}
 * (surface and format checks, read, re-hash, strict UTF-8 decode, task creation), as the pipeline
 * runs it per artifact. Per-thread state; one file in a temporary feature directory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BodyPreparationBenchmark extends BenchmarkDefaults {

  // Set by setUp() before any benchmark method runs.
  private Path feature;
  private byte[] bytes;
  private BodyPreparer preparer;
  private ArtifactRef artifact;

  /** Writes the feature directory and indexes it. */
  @Setup
  public void setUp() throws IOException {
    feature = Files.createTempDirectory("dossier-bench-prepare");
    String body = BenchTasks.task("01JBENCH0000000000000000000", 1).contentBody();
    bytes = body.getBytes(StandardCharsets.UTF_8);
    Files.write(feature.resolve("spec.md"), bytes);
    preparer =
        new BodyPreparer(SurfacePolicy.specKittyDefault(), () -> "01JBENCH0000000000000000000");
    artifact =
        new FileSystemIndexer()
            .index(feature, request()).artifacts().stream()
                .filter(a -> a.relativePath().equals("spec.md"))
                .findFirst()
                .orElseThrow();
  }

  /** Removes the feature directory. */
  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(feature.resolve("spec.md"));
    Files.deleteIfExists(feature);
  }

  /**
   * SHA-256 of the 4 KiB body, hex.
   *
   * @return the hash
   */
  @Benchmark
  public String sha256Of4KiB() {
    return Sha256.hex(bytes);
  }

  /**
   * Eligibility and preparation of one 4 KiB artifact, file read included.
   *
   * @return the eligible task
   */
  @Benchmark
  public PreparedBody prepare4KiBBody() {
    PreparedBody prepared = preparer.prepare(feature, BenchTasks.NAMESPACE, artifact);
    if (!(prepared instanceof PreparedBody.Eligible)) {
      throw new IllegalStateException("not eligible: " + prepared);
    }
    return prepared;
  }

  private static IndexRequest request() {
    return new IndexRequest("software-dev", Optional.empty(), Optional.empty());
  }
}
