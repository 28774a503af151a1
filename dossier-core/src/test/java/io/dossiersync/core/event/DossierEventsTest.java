package io.dossiersync.core.event;

import static io.dossiersync.core.FeatureFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.index.AbsentArtifacts;
import io.dossiersync.core.index.ArtifactClass;
import io.dossiersync.core.index.ArtifactErrorReason;
import io.dossiersync.core.index.ExpectedArtifactManifest;
import io.dossiersync.core.index.FileSystemIndexer;
import io.dossiersync.core.index.IndexRequest;
import io.dossiersync.core.index.ManifestRegistry;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.index.RequiredStatus;
import io.dossiersync.core.internal.Sha256;
import io.dossiersync.core.internal.UlidGenerator;
import io.dossiersync.core.queue.EventRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DossierEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NamespaceRef NS =
      new NamespaceRef(
          "8a4a7da6-a97c-4bb4-893a-b31664abfee4", "047-x", "main", "software-dev", "1");
  private static final String NS_KEY =
      "8a4a7da6-a97c-4bb4-893a-b31664abfee4|047-x|main|software-dev|1";
  private static final Optional<ExpectedArtifactManifest> DEV =
      ManifestRegistry.builtIn().find("software-dev");

  @TempDir Path dir;
  private List<EventRecord> events;

  @BeforeEach
  void build() {
    write(dir, "plan.md", "# plan");
    write(dir, "tasks/WP01-setup.md", "# wp");
    MissionDossier dossier =
        new FileSystemIndexer()
            .index(dir, new IndexRequest("software-dev", DEV, Optional.of("specify")));
    AtomicInteger n = new AtomicInteger();
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:15:30.123Z"), ZoneOffset.UTC);
    events = new DossierEvents(clock, () -> "ID" + n.incrementAndGet()).build(dossier, NS, DEV);
  }

  private static JsonNode json(EventRecord record) throws Exception {
    return JSON.readTree(record.json());
  }

  private static List<String> fieldNames(JsonNode node) {
    return StreamSupport.stream(
            java.util.Spliterators.spliteratorUnknownSize(node.fieldNames(), 0), false)
        .toList();
  }

  @Test
  void emitsIndexedThenMissingThenOneSnapshot() {
    assertThat(events)
        .extracting(EventRecord::eventType, EventRecord::aggregateId, EventRecord::eventId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "MissionDossierArtifactIndexed", "047-x:plan.md", "ID1"),
            org.assertj.core.groups.Tuple.tuple(
                "MissionDossierArtifactIndexed", "047-x:tasks/WP01-setup.md", "ID2"),
            org.assertj.core.groups.Tuple.tuple(
                "MissionDossierArtifactMissing", "047-x:input.spec.main", "ID3"),
            org.assertj.core.groups.Tuple.tuple(
                "MissionDossierSnapshotComputed", "047-x:ID4", "ID5"));
    assertThat(events).allMatch(e -> e.namespace().equals(NS));
  }

  @Test
  void coalesceKeysNameTheNamespaceAndTheArtifact() {
    assertThat(events)
        .extracting(e -> e.coalesceKey().orElseThrow())
        .containsExactly(
            "indexed|" + NS_KEY + "|plan.md",
            "indexed|" + NS_KEY + "|tasks/WP01-setup.md",
            "missing|" + NS_KEY + "|input.spec.main",
            "snapshot|" + NS_KEY);
    assertThat(DossierEvents.namespaceKey(NS)).isEqualTo(NS_KEY);
  }

  @Test
  void indexedEventHasExactlyTheEnvelopeAndPayloadFields() throws Exception {
    JsonNode event = json(events.get(1));
    String hash = Sha256.hex("# wp".getBytes(StandardCharsets.UTF_8));

    assertThat(event)
        .isEqualTo(
            JSON.readTree(
                """
                {"event_id":"ID2","event_type":"MissionDossierArtifactIndexed",
                 "aggregate_id":"047-x:tasks/WP01-setup.md","aggregate_type":"MissionDossier",
                 "timestamp":"2026-11-25T10:15:30.123Z",
                 "project_uuid":"8a4a7da6-a97c-4bb4-893a-b31664abfee4",
                 "payload":{"feature_slug":"047-x","artifact_key":"output.tasks.per_wp",
                   "artifact_class":"output","relative_path":"tasks/WP01-setup.md",
                   "content_hash_sha256":"%s","size_bytes":4,"wp_id":"WP01",
                   "step_id":"tasks_packages","required_status":"required",
                   "namespace":{"project_uuid":"8a4a7da6-a97c-4bb4-893a-b31664abfee4",
                     "feature_slug":"047-x","target_branch":"main","mission_key":"software-dev",
                     "manifest_version":"1"}}}
                """
                    .formatted(hash)));
    assertThat(json(events.get(0)).at("/payload/wp_id").isNull()).isTrue();
    assertThat(json(events.get(0)).at("/payload/step_id").asText()).isEqualTo("plan");
  }

  @Test
  void missingEventHasExactlyItsPayloadFields() throws Exception {
    JsonNode payload = json(events.get(2)).get("payload");

    assertThat(fieldNames(json(events.get(2))))
        .containsExactly(
            "event_id",
            "event_type",
            "aggregate_id",
            "aggregate_type",
            "timestamp",
            "project_uuid",
            "payload");
    assertThat(fieldNames(payload))
        .containsExactly(
            "artifact_key",
            "artifact_class",
            "expected_path_pattern",
            "reason_code",
            "blocking",
            "namespace");
    assertThat(payload.get("artifact_key").asText()).isEqualTo("input.spec.main");
    assertThat(payload.get("artifact_class").asText()).isEqualTo("input");
    assertThat(payload.get("expected_path_pattern").asText()).isEqualTo("spec.md");
    assertThat(payload.get("reason_code").asText()).isEqualTo("not_found");
    assertThat(payload.get("blocking").asBoolean()).isTrue();
  }

  @Test
  void snapshotEventCarriesCountsCompletenessAndParityHash() throws Exception {
    JsonNode payload = json(events.get(3)).get("payload");

    assertThat(fieldNames(payload))
        .containsExactly(
            "parity_hash_sha256",
            "artifact_counts",
            "completeness_status",
            "snapshot_id",
            "namespace");
    assertThat(fieldNames(payload.get("artifact_counts")))
        .containsExactly(
            "total",
            "required",
            "required_present",
            "required_missing",
            "optional",
            "optional_present");
    assertThat(payload.get("artifact_counts"))
        .isEqualTo(
            JSON.readTree(
                "{\"total\":3,\"required\":3,\"required_present\":2,\"required_missing\":1,"
                    + "\"optional\":0,\"optional_present\":0}"));
    assertThat(payload.get("completeness_status").asText()).isEqualTo("incomplete");
    assertThat(payload.get("snapshot_id").asText()).isEqualTo("ID4");
    assertThat(payload.get("parity_hash_sha256").asText()).startsWith("sha256:").hasSize(71);
    assertThat(fieldNames(payload.get("namespace")))
        .containsExactly(
            "project_uuid", "feature_slug", "target_branch", "mission_key", "manifest_version");
  }

  @Test
  void anUnreadableRequiredFileIsMissingWithItsPatternFromTheManifest() {
    MissionDossier dossier =
        MissionDossier.of(
            "software-dev",
            Optional.empty(),
            "1",
            List.of(
                AbsentArtifacts.absent(
                    "output.tasks.per_wp-2",
                    ArtifactClass.OUTPUT,
                    "tasks/WP02.md",
                    ArtifactErrorReason.UNREADABLE,
                    RequiredStatus.REQUIRED,
                    Optional.of("WP02"),
                    Optional.empty())),
            true);

    List<EventRecord> records =
        new DossierEvents(Clock.systemUTC(), new UlidGenerator()).build(dossier, NS, DEV);

    assertThat(records)
        .extracting(EventRecord::eventType)
        .containsExactly("MissionDossierArtifactMissing", "MissionDossierSnapshotComputed");
    assertThat(records.get(0).json())
        .contains("\"expected_path_pattern\":\"tasks/WP*.md\"", "\"reason_code\":\"unreadable\"");
  }
}
