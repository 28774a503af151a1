package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dossier demo} end to end: the README's main job works with nothing set up. */
class DemoCommandTest {

  @Test
  void demoSyncsTheSampleFeatureAndPrintsTheTable() {
    CliRun demo = CliRun.of(Map.of(), "demo");

    assertThat(demo.exit()).as(demo.transcript()).isZero();
    String[] lines = demo.out().split("\n");
    assertThat(lines[0]).matches("PATH\\s+STATUS\\s+REASON\\s*");
    assertThat(demo.out())
        .containsPattern("spec\\.md\\s+uploaded")
        .containsPattern("meta\\.json\\s+skipped\\s+unsupported_surface");
    assertThat(lines[lines.length - 1])
        .contains("0 failed")
        .contains("pending: 0 events, 0 bodies");
    assertThat(demo.err())
        .contains("reference receiver on http://127.0.0.1:")
        .contains("demo: next: './dossier demo --keep'", "./dossier watch kitty-specs");
  }

  @Test
  void demoJsonReportsEveryBodyDelivered() {
    CliRun demo = CliRun.of(Map.of(), "demo", "--json");

    assertThat(demo.exit()).as(demo.transcript()).isZero();
    JsonNode doc = demo.json();
    assertThat(doc.get("pending").get("bodies").asLong()).isZero();
    assertThat(doc.get("failures").asLong()).isZero();
    long uploaded = OfflineSyncThenDrainTest.countStatus(doc, "uploaded");
    assertThat(uploaded).isPositive();
    assertThat(demo.err()).contains("the receiver stored " + uploaded + " bodies");
  }
}
