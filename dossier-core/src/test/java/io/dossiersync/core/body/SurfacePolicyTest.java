package io.dossiersync.core.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurfacePolicyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "spec.md, true",
    "plan.md, true",
    "tasks.md, true",
    "research.md, true",
    "quickstart.md, true",
    "data-model.md, true",
    "Spec.md, false",
    "docs/spec.md, false",
    "meta.json, false",
    "research/notes.md, true",
    "research/deep/sources.csv, true",
    "contracts/api.yaml, true",
    "checklists/requirements.md, true",
    "Research/notes.md, false",
    "research, false",
    "researchers/x.md, false",
    "tasks/WP01.md, true",
    "tasks/WP03-http-transport.md, true",
    "tasks/WP9.md, true",
    "tasks/README.md, false",
    "tasks/WPx.md, false",
    "tasks/WP.md, false",
    "tasks/wp01.md, false",
    "tasks/WP01/notes.md, false",
    "tasks/sub/WP01.md, false",
    "tasks/WP01.txt, false",
    "tasks/WP01.MD, false"
  })
  void defaultSurfacesAreCaseSensitive(String path, boolean supported) {
    assertThat(SurfacePolicy.specKittyDefault().isSupported(path)).isEqualTo(supported);
  }

  @Test
  void theDefaultPolicyDescribesItself() {
    assertThat(SurfacePolicy.specKittyDefault()).hasToString("SurfacePolicy[spec-kitty default]");
  }
}
