package io.dossiersync.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.Corpus;
import io.dossiersync.core.NamespaceRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads namespaces from the real spec-kitty corpus; skipped when the corpus is absent. */
class CorpusNamespacesTest {

  @Test
  void readsAValidNamespaceForEveryRealFeature() throws IOException {
    List<Path> features = Corpus.features();
    SpecKittyCheckout reader = new SpecKittyCheckout();

    assertThat(features).hasSizeGreaterThanOrEqualTo(20);
    for (Path feature : features) {
      NamespaceRef ns = reader.read(feature).namespace();

      assertThat(ns.projectUuid()).isEqualTo("8a4a7da6-a97c-4bb4-893a-b31664abfee4");
      assertThat(NamespaceRef.isValidSlug(ns.featureSlug())).as(feature.toString()).isTrue();
      assertThat(ns.featureSlug()).isEqualTo(feature.getFileName().toString());
      assertThat(ns.targetBranch()).isNotBlank();
      assertThat(ns.missionKey()).isIn("software-dev", "research", "documentation", "plan");
      assertThat(ns.manifestVersion()).isEqualTo("1");
    }
  }
}
