package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dossiersync.http.HttpTransportConfig;
import org.junit.jupiter.api.Test;

class ConnectionPoolSizeTest {

  @Test
  void theDefaultConcurrencyKeepsTheTransportsDefaultPool() {
    assertThat(ConnectionPoolSize.forConcurrency(4))
        .isEqualTo(HttpTransportConfig.DEFAULT_MAX_CONNECTIONS_PER_ROUTE);
  }

  @Test
  void everySendInFlightGetsAConnection() {
    assertThat(ConnectionPoolSize.forConcurrency(16)).isEqualTo(16);
    assertThat(ConnectionPoolSize.forConcurrency(ConcurrencyOption.MAX))
        .isEqualTo(ConcurrencyOption.MAX);
  }

  @Test
  void aConcurrencyBelowOneIsRefused() {
    assertThatThrownBy(() -> ConnectionPoolSize.forConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concurrency must be at least 1, got 0");
  }
}
