package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import io.dossiersync.http.internal.PushAnswerClassifier;
import io.dossiersync.http.internal.PushContentJson;
import io.dossiersync.http.internal.ReceivedAnswer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Requests per second of {@link HttpContentTransport} posting the same 4 KiB body to a loopback JDK
 * HTTP server, against a bare pooled HttpClient loop posting the same pre-encoded bytes, with 1 and
 * 4 threads, in the same run. A measurement, not a pass/fail check (target: the adapter at 0.9x or
 * better). Run with {@code -Dgroups=measure -DexcludedGroups=none}; figures go to stdout and {@code
 * target/measure-http.txt}.
 */
@Tag("measure")
class PushThroughputMeasureTest {

  static {
    // Production runs with DEBUG off: keep the transports' DEBUG lines out of the timed loops.
    // Effective because this class initialises before the transport classes create their loggers.
    System.setProperty("org.slf4j.simpleLogger.log.io.dossiersync.http", "info");
  }

  private static final long WARMUP_MS = 2_000;
  private static final long ROUND_MS = 1_000;
  private static final int ROUNDS = 6;

  /** One timed loop: returns how many requests one thread completed. */
  private interface Loop {
    long run(long untilNanos) throws Exception;
  }

  @Test
  void adapterAgainstBareHttpClient() throws Exception {
    PushContentRequest request =
        new PushContentRequest(Samples.NAMESPACE, "spec.md", "0".repeat(64), "x".repeat(4096));
    byte[] encoded = PushContentJson.encode(request);
    StringBuilder report = new StringBuilder();
    try (LoopbackReceiver receiver = new LoopbackReceiver(201, "{\"status\":\"stored\"}", 4)) {
      HttpTransportConfig config = HttpTransportConfig.builder(receiver.baseUrl()).build();
      try (HttpContentTransport adapter =
              HttpContentTransport.create(config, TokenProvider.fixed(Samples.TOKEN));
          CloseableHttpClient bare = bareClient()) {
        Loop viaAdapter =
            until -> {
              long n = 0;
              while (System.nanoTime() < until) {
                assertThat(adapter.push(request).outcome()).isEqualTo(TransportOutcome.DELIVERED);
                n++;
              }
              return n;
            };
        Loop viaBare =
            until -> {
              long n = 0;
              while (System.nanoTime() < until) {
                HttpPost post = new HttpPost(config.pushContentUri());
                post.setHeader("Authorization", "Bearer " + Samples.TOKEN.value());
                post.setEntity(
                    new ByteArrayEntity(encoded, ContentType.create("application/json")));
                int status =
                    bare.execute(
                        post,
                        r -> {
                          EntityUtils.toByteArray(r.getEntity());
                          return r.getCode();
                        });
                assertThat(status).isEqualTo(201);
                n++;
              }
              return n;
            };
        for (int threads : new int[] {1, 4}) {
          rate(viaBare, threads, WARMUP_MS);
          rate(viaAdapter, threads, WARMUP_MS);
          // Short alternating rounds, so drift (JIT, a busy neighbour on a shared machine) weighs
          // on both sides alike; each side's rate is its total over all its rounds.
          double bareRate = 0;
          double adapterRate = 0;
          for (int round = 0; round < ROUNDS; round++) {
            bareRate += rate(viaBare, threads, ROUND_MS) / ROUNDS;
            adapterRate += rate(viaAdapter, threads, ROUND_MS) / ROUNDS;
          }
          report.append(
              String.format(
                  Locale.ROOT,
                  "threads=%d bare=%.0f req/s adapter=%.0f req/s ratio=%.2f%n",
                  threads,
                  bareRate,
                  adapterRate,
                  adapterRate / bareRate));
          assertThat(adapterRate).isPositive();
        }
      }
      assertThat(receiver.count()).isPositive();
    }
    report.append(
        String.format(
            Locale.ROOT,
            "adapter-only CPU per push (encode 9 fields + classify the answer): %.1f us%n",
            adapterWorkMicros(request)));
    System.out.print(report);
    Files.writeString(Path.of("target", "measure-http.txt"), report, StandardCharsets.UTF_8);
  }

  /** Thread CPU time of what the adapter adds to a bare post, without any I/O. */
  private static double adapterWorkMicros(PushContentRequest request) {
    ReceivedAnswer stored =
        new ReceivedAnswer(
            201,
            Optional.empty(),
            Optional.empty(),
            "{\"status\":\"stored\"}".getBytes(StandardCharsets.UTF_8));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int n = 100_000;
    long sink = 0;
    long start = 0;
    for (int i = 0; i < 2 * n; i++) {
      if (i == n) {
        start = cpu.getCurrentThreadCpuTime(); // the first half warms up the JIT
      }
      sink += PushContentJson.encode(request).length;
      sink += PushAnswerClassifier.classify(stored, Samples.NOW).httpStatus();
    }
    double micros = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / n;
    assertThat(sink).isPositive();
    return micros;
  }

  private static CloseableHttpClient bareClient() {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(16)
                .setMaxConnPerRoute(8)
                .build())
        .build();
  }

  private static double rate(Loop loop, int threads, long millis) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long until = start + TimeUnit.MILLISECONDS.toNanos(millis);
      List<Callable<Long>> jobs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        jobs.add(() -> loop.run(until));
      }
      long total = 0;
      for (Future<Long> f : pool.invokeAll(jobs)) {
        total += f.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
