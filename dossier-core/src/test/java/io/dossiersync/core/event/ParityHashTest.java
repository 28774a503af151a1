package io.dossiersync.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.index.AbsentArtifacts;
import io.dossiersync.core.index.ArtifactClass;
import io.dossiersync.core.index.ArtifactErrorReason;
import io.dossiersync.core.index.ArtifactRef;
import io.dossiersync.core.index.RequiredStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParityHashTest {

  private static ArtifactRef present(String path, char hashChar) {
    return new ArtifactRef(
        "k." + path,
        ArtifactClass.OTHER,
        path,
        Optional.of(String.valueOf(hashChar).repeat(64)),
        1,
        true,
        Optional.empty(),
        RequiredStatus.OPTIONAL,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void knownVectorSortsByCodePointAndIgnoresAbsentArtifacts() {
    List<ArtifactRef> artifacts =
        List.of(
            present("x\uD83D\uDE00.md", 'c'),
            present("spec.md", 'b'),
            AbsentArtifacts.absent(
                "input.x",
                ArtifactClass.INPUT,
                "missing.md",
                ArtifactErrorReason.NOT_FOUND,
                RequiredStatus.REQUIRED),
            present("plan.md", 'a'),
            present("x\uE000.md", 'a'));

    // sha256("plan.md\t" + a*64 + "\nspec.md\t" + b*64 + "\nx\uE000.md\t" + a*64 + "\nx😀.md\t" +
    // c*64)
    assertThat(ParityHash.of(artifacts))
        .isEqualTo("sha256:ff0bb52169ac2ca4252bf78117cd9bbab2282049e2b73bbf338106865c53e148");
  }

  @Test
  void noPresentArtifactHashesTheEmptyString() {
    assertThat(ParityHash.of(List.of()))
        .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void orderOfTheInputDoesNotMatter() {
    ArtifactRef a = present("a.md", '1');
    ArtifactRef b = present("b.md", '2');

    assertThat(ParityHash.of(List.of(a, b))).isEqualTo(ParityHash.of(List.of(b, a)));
  }
}
