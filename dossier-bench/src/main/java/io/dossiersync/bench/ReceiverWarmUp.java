package io.dossiersync.bench;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.http.internal.PushContentJson;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Warms a fresh receiver process before it is measured against, as a receiver 20 ms away is a
 * long-running server, not a JVM started for each client run: {@link #REQUESTS} push-content
 * requests of a namespace of its own ({@link #NAMESPACE}, so nothing the measured client sends is
 * known to it), posted by the {@link BareLoop} with no added delay. Each is parsed and validated in
 * full (SHA-256 included) and answered 404 {@code index_entry_not_found} where index entries are
 * required, 201 where they are not. The floor and the product meet the same warmed receiver.
 */
final class ReceiverWarmUp {

  /** Requests posted: enough for the receiver's JIT to compile its request path. */
  static final int REQUESTS = 3_000;

  /** A namespace no measured client uses. */
  static final NamespaceRef NAMESPACE =
      new NamespaceRef(
          "3f0c1c39-2b4b-4c1e-9f3a-6a1b1f5e0c77", "000-receiver-warm-up", "main", "warm-up", "1");

  private ReceiverWarmUp() {}

  /**
   * Posts the warm-up requests; answers other than 201 and 404 fail it.
   *
   * @param base the receiver's base URI
   * @throws Exception when a request fails
   */
  static void run(URI base) throws Exception {
    List<byte[]> requests = IntStream.range(0, REQUESTS).mapToObj(ReceiverWarmUp::request).toList();
    BareLoop.post(base, requests, 4, Set.of(201, 404));
  }

  private static byte[] request(int i) {
    BodyUploadTask t = BenchTasks.task("warm-up-" + i, i);
    return PushContentJson.encode(
        PushContentRequest.of(
            new BodyUploadTask(
                t.uploadId(),
                NAMESPACE,
                t.artifactPath(),
                t.contentHash(),
                t.contentBody(),
                t.sizeBytes())));
  }
}
