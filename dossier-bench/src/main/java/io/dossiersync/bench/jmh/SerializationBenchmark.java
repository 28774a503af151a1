package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.http.internal.PushContentJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The HTTP adapter's JSON of one push-content request with a 4 KiB body (its internal streaming
 * serializer, the exact bytes it posts). Shared immutable state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerializationBenchmark extends BenchmarkDefaults {

  private final PushContentRequest request =
      PushContentRequest.of(BenchTasks.task("01JBENCH0000000000000000000", 1));

  /**
   * Encodes the request as UTF-8 JSON.
   *
   * @return the body bytes
   */
  @Benchmark
  public byte[] pushContentJson4KiB() {
    return PushContentJson.encode(request);
  }
}
