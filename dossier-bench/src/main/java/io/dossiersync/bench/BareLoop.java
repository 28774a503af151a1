package io.dossiersync.bench;

import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.http.internal.PushContentJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The bare HttpClient 5 loop the drain is measured against: the same pre-encoded push-content
 * requests posted by a few threads sharing one pooled client, nothing durable, nothing decided.
 * Stateless.
 */
final class BareLoop {

  private BareLoop() {}

  /**
   * The push-content requests of the tasks, encoded once before a run, as the loop sends them.
   *
   * @param tasks the tasks
   * @return one JSON request body per task, in task order
   */
  static List<byte[]> requests(List<BodyUploadTask> tasks) {
    return tasks.stream().map(t -> PushContentJson.encode(PushContentRequest.of(t))).toList();
  }

  /**
   * Posts every request with {@code threads} threads sharing one pooled client; times it.
   *
   * @param base the receiver's base URI
   * @param requests the pre-encoded push-content bodies
   * @param threads how many requests are in flight
   * @return the wall time in nanoseconds
   * @throws Exception when a post fails or is answered other than 201
   */
  static long post(URI base, List<byte[]> requests, int threads) throws Exception {
    return post(base, requests, threads, Set.of(201));
  }

  /**
   * As {@link #post(URI, List, int)}, accepting any of the given answers.
   *
   * @param base the receiver's base URI
   * @param requests the pre-encoded push-content bodies
   * @param threads how many requests are in flight
   * @param accepted the statuses that count as answered
   * @return the wall time in nanoseconds
   * @throws Exception when a post fails or is answered with another status
   */
  static long post(URI base, List<byte[]> requests, int threads, Set<Integer> accepted)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(16)
                    .setMaxConnPerRoute(8)
                    .build())
            .build()) {
      URI uri = URI.create(base + "/api/dossier/push-content/");
      ContentType json = ContentType.create("application/json");
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      List<Future<Integer>> loops = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        loops.add(
            pool.submit(
                () -> {
                  int sent = 0;
                  for (int i = next.getAndIncrement();
                      i < requests.size();
                      i = next.getAndIncrement()) {
                    HttpPost post = new HttpPost(uri);
                    post.setHeader("Authorization", "Bearer bench-token");
                    post.setEntity(new ByteArrayEntity(requests.get(i), json));
                    int status =
                        client.execute(
                            post,
                            r -> {
                              EntityUtils.toByteArray(r.getEntity());
                              return r.getCode();
                            });
                    if (!accepted.contains(status)) {
                      throw new IllegalStateException("bare post answered " + status);
                    }
                    sent++;
                  }
                  return sent;
                }));
      }
      int sent = 0;
      for (Future<Integer> loop : loops) {
        sent += loop.get();
      }
      long nanos = System.nanoTime() - start;
      if (sent != requests.size()) {
        throw new IllegalStateException("bare loop sent " + sent + " of " + requests.size());
      }
      return nanos;
    } finally {
      pool.shutdownNow();
    }
  }
}
