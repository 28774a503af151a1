package io.dossiersync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.TokenProvider;
import io.dossiersync.core.transport.TransportOutcome;
import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The event batch body is really gzip on the wire, and it gunzips to {@code {"events":[...]}}. */
class GzipOnTheWireTest {

  @Test
  void theBatchArrivesGzipCompressedAndDecodesToTheEvents() throws Exception {
    String answer = "{\"results\":[{\"event_id\":\"E1\",\"status\":\"success\"}]}";
    try (LoopbackReceiver receiver = new LoopbackReceiver(200, answer, 1);
        HttpEventTransport transport =
            HttpEventTransport.create(
                HttpTransportConfig.builder(receiver.baseUrl()).build(),
                TokenProvider.fixed(Samples.TOKEN))) {

      EventBatchResult result = transport.send(Samples.events("E1", "E2"));

      assertThat(result.outcome()).isEqualTo(TransportOutcome.DELIVERED);
      LoopbackReceiver.Received received = receiver.last();
      assertThat(received.headers().getFirst("Content-Encoding")).isEqualTo("gzip");
      byte[] raw = received.body();
      assertThat(raw[0] & 0xff).isEqualTo(0x1f);
      assertThat(raw[1] & 0xff).isEqualTo(0x8b);
      assertThat(received.headers().getFirst("Content-Length"))
          .isEqualTo(String.valueOf(raw.length));
      byte[] json;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        json = in.readAllBytes();
      }
      ObjectMapper mapper = new ObjectMapper();
      JsonNode expected =
          mapper.readTree(
              "{\"events\":["
                  + Samples.event("E1").json()
                  + ","
                  + Samples.event("E2").json()
                  + "]}");
      assertThat(mapper.readTree(json)).isEqualTo(expected);
    }
  }
}
