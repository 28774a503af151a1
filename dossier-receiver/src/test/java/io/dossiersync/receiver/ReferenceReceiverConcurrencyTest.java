package io.dossiersync.receiver;

import static io.dossiersync.receiver.WireSamples.key;
import static io.dossiersync.receiver.WireSamples.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReferenceReceiverConcurrencyTest {

  @Test
  void racingPushesOfOneBodyStoreItExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (ReferenceReceiver receiver =
        ReferenceReceiver.builder().requireIndexEntry(false).start()) {
      ReceiverClient client = new ReceiverClient(receiver.baseUri(), "any");
      List<Callable<Integer>> pushes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        pushes.add(() -> client.push(push("spec.md", "# Same body")).status());
      }

      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pool.invokeAll(pushes)) {
        statuses.add(status.get());
      }

      assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
      assertThat(receiver.ledger().storeCount(key("spec.md", "# Same body"))).isEqualTo(1);
      assertThat(receiver.ledger().requests()).hasSize(40);
      assertThat(receiver.ledger().requests())
          .extracting(ReceivedRequest::sequence)
          .doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBuilderStartsOneReceiver() {
    ReferenceReceiverBuilder builder = ReferenceReceiver.builder();
    try (ReferenceReceiver receiver = builder.start()) {
      assertThat(receiver.port()).isPositive();
      assertThatThrownBy(builder::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already started");
    }
  }
}
