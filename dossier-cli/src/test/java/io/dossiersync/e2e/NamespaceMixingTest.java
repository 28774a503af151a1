package io.dossiersync.e2e;

import static io.dossiersync.e2e.Delivery.assertDeliveredExactlyOnce;
import static io.dossiersync.e2e.Delivery.queuedBodies;
import static io.dossiersync.testkit.DossierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.drain.DrainReport;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.receiver.BodyKey;
import io.dossiersync.receiver.ReferenceReceiver;
import io.dossiersync.testkit.fixture.FeatureDirs;
import io.dossiersync.testkit.fixture.FeatureFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace guard: three features with the same slug and the same artifact paths, mostly the
 * same bytes, in two projects and two target branches, synced into one queue. Nothing supersedes
 * across namespaces, and the receiver keeps each body under its own namespace, each stored once (an
 * identical body in another namespace is a new body, not an {@code already_exists}).
 */
class NamespaceMixingTest {

  private static final String SLUG = "040-shared";

  @TempDir Path dir;

  @Test
  void sameArtifactPathsInThreeNamespacesAreStoredUnderEachNamespace() throws Exception {
    try (E2eRig rig = E2eRig.onMutableClock(dir);
        ReferenceReceiver receiver = ReferenceReceiver.builder().token(E2eRig.TOKEN).start()) {
      FeatureFixture inA = FeatureDirs.everySurface(dir.resolve("a/kitty-specs"), SLUG);
      FeatureFixture inB = FeatureDirs.everySurface(dir.resolve("b/kitty-specs"), SLUG);
      FeatureFixture onRelease = FeatureDirs.everySurface(dir.resolve("c/kitty-specs"), SLUG);
      Files.writeString(inB.path("spec.md"), "# Spec of project B\n");
      NamespaceRef nsA = E2eRig.namespace(E2eRig.PROJECT_A, SLUG);
      NamespaceRef nsB = E2eRig.namespace(E2eRig.PROJECT_B, SLUG);
      NamespaceRef nsRelease =
          new NamespaceRef(E2eRig.PROJECT_A, SLUG, "release/2.0", "software-dev", "1");
      Map<BodyKey, String> expected = new HashMap<>();
      expected.putAll(queuedBodies(rig.sync(inA, nsA), inA));
      expected.putAll(queuedBodies(rig.sync(inB, nsB), inB));
      expected.putAll(queuedBodies(rig.sync(onRelease, nsRelease), onRelease));
      int perFeature = FeatureDirs.EVERY_SURFACE.size();
      assertThat(expected).hasSize(3 * perFeature);
      assertThat(rig.store().bodies().pending(ProjectScope.all()))
          .as("no body superseded one of another namespace")
          .isEqualTo(3L * perFeature);

      DrainReport report = rig.engine(receiver.baseUri()).drainUntilEmpty(Duration.ofMinutes(5));

      assertThat(report.bodiesUploaded()).isEqualTo(3L * perFeature);
      assertThat(report.bodiesAlreadyExists()).isZero();
      assertDeliveredExactlyOnce(receiver.ledger(), expected, rig.store());
      String planHash = inA.sha256("plan.md");
      for (NamespaceRef ns : new NamespaceRef[] {nsA, nsB, nsRelease}) {
        assertThat(receiver.ledger()).storedExactlyOnce(ns, "plan.md", planHash);
      }
      assertThat(receiver.ledger())
          .hasStoredBody(
              new BodyKey(nsB, "spec.md", inB.sha256("spec.md")), "# Spec of project B\n");
      assertThat(receiver.ledger().storedBody(new BodyKey(nsA, "spec.md", inB.sha256("spec.md"))))
          .isEmpty();
    }
  }
}
