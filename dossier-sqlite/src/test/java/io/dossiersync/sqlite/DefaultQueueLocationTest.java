package io.dossiersync.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default queue file: home directory, queues folder, and a key per normalised server URL. */
class DefaultQueueLocationTest {

  private static final Path HOME = Path.of("/home/alice");

  @Test
  void keyIsTheFirst16HexOfSha256OfTheLowerCasedUrlWithoutTrailingSlash() {
    // printf '%s' 'https://receiver.example.com' | sha256sum
    assertThat(DefaultQueueLocation.serverKey("https://receiver.example.com"))
        .isEqualTo("c81b85f201cbf384");
    assertThat(DefaultQueueLocation.serverKey("HTTPS://Receiver.Example.com//"))
        .isEqualTo("c81b85f201cbf384");
  }

  @Test
  void twoServersNeverShareAQueue() {
    assertThat(DefaultQueueLocation.serverKey("https://a.example.com"))
        .isNotEqualTo(DefaultQueueLocation.serverKey("https://b.example.com"));
  }

  @Test
  void withoutDossierHomeTheQueueLivesUnderTheUsersHome() {
    assertThat(DefaultQueueLocation.forServer("https://receiver.example.com", Map.of(), HOME))
        .isEqualTo(Path.of("/home/alice/.dossier-sync/queues/queue-c81b85f201cbf384.db"));
    assertThat(
            DefaultQueueLocation.forServer(
                "https://receiver.example.com", Map.of("DOSSIER_HOME", ""), HOME))
        .isEqualTo(Path.of("/home/alice/.dossier-sync/queues/queue-c81b85f201cbf384.db"));
  }

  @Test
  void dossierHomeMovesTheQueue() {
    assertThat(
            DefaultQueueLocation.forServer(
                "https://receiver.example.com/", Map.of("DOSSIER_HOME", "/var/lib/dossier"), HOME))
        .isEqualTo(Path.of("/var/lib/dossier/queues/queue-c81b85f201cbf384.db"));
  }

  @Test
  void processEnvironmentOverloadGivesAQueueFileName() {
    assertThat(DefaultQueueLocation.forServer("https://receiver.example.com").getFileName())
        .hasToString("queue-c81b85f201cbf384.db");
  }
}
