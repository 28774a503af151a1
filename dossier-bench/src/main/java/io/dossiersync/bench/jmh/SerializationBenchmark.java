package io.dossiersync.bench.jmh;

import io.dossiersync.bench.BenchTasks;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.http.internal.PushContentJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTTP adapter's JSON of one push-content request with a 4 KiB body (its internal streaming
 * serializer, the exact bytes it posts). Shared immutable state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
      "-Dorg.jooq.no-logo=true",
      "-Dorg.jooq.no-tips=true"
    })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class SerializationBenchmark {

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
