package io.dossiersync.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket loopback server that reads each request's head and then plays one hostile answer:
 * dripping bytes, an endless header line, too many headers, a huge body, or silence. Counts the
 * requests it saw and the answer bytes it managed to write.
 */
final class HostileServer implements AutoCloseable {

  /** What the server does once it has read a request head. */
  enum Behaviour {
    DRIP,
    ENDLESS_HEADER,
    MANY_HEADERS,
    HUGE_BODY,
    SILENCE
  }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch firstRequest = new CountDownLatch(1);

  HostileServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    workers.submit(this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int requests() {
    return requests.get();
  }

  long bytesWritten() {
    return written.get();
  }

  boolean awaitFirstRequest() throws InterruptedException {
    return firstRequest.await(30, TimeUnit.SECONDS);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        workers.submit(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSendBufferSize(16 * 1024);
      readHead(client.getInputStream());
      requests.incrementAndGet();
      firstRequest.countDown();
      play(client.getOutputStream());
    } catch (IOException | InterruptedException e) {
      // the client hung up: that is what a bounded client does
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the head");
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  private void play(OutputStream out) throws IOException, InterruptedException {
    switch (behaviour) {
      case DRIP -> {
        write(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
        while (true) {
          write(out, " ");
          Thread.sleep(100);
        }
      }
      case ENDLESS_HEADER -> {
        write(out, "HTTP/1.1 200 OK\r\nX-Endless: ");
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        while (true) {
          write(out, chunk);
        }
      }
      case MANY_HEADERS -> {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 101; i++) {
          head.append("X-H").append(i).append(": v\r\n");
        }
        write(out, head.append("Content-Length: 0\r\n\r\n").toString());
      }
      case HUGE_BODY -> {
        int size = 10 * 1024 * 1024;
        write(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + size
                + "\r\n\r\n");
        byte[] chunk = "x".repeat(8 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < size; sent += chunk.length) {
          write(out, chunk);
        }
      }
      case SILENCE -> Thread.sleep(Long.MAX_VALUE);
    }
  }

  private void write(OutputStream out, String text) throws IOException {
    write(out, text.getBytes(StandardCharsets.US_ASCII));
  }

  private void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    written.addAndGet(bytes.length);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    workers.shutdownNow();
  }
}
