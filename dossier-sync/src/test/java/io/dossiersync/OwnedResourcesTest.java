package io.dossiersync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a DossierSync created closes last-created first, each one even when another fails. */
class OwnedResourcesTest {

  private final List<String> closed = new ArrayList<>();

  @Test
  void closesInReverseOrderOfCreation() {
    OwnedResources owned = new OwnedResources();
    owned.add(() -> closed.add("store"));
    owned.add(() -> closed.add("http"));
    owned.add(() -> closed.add("background"));

    owned.closeAll();
    owned.closeAll();

    assertThat(closed).containsExactly("background", "http", "store");
  }

  @Test
  void aFailingCloseStillClosesTheOthersThenReportsEveryFailure() {
    OwnedResources owned = new OwnedResources();
    owned.add(() -> closed.add("store"));
    owned.add(
        () -> {
          throw new IllegalStateException("pool already shut");
        });
    owned.add(
        () -> {
          throw new java.io.IOException("disk gone");
        });

    assertThatThrownBy(owned::closeAll)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closing")
        .hasRootCauseMessage("disk gone")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .extracting(Throwable::getMessage)
                    .isEqualTo("pool already shut"));
    assertThat(closed).containsExactly("store");
  }
}
