package io.dossiersync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.dossiersync.core.transport.AccessToken;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptedTokenProviderTest {

  @Test
  void refreshMovesToTheNextTokenThenRunsOut() {
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of("first", "second");

    assertThat(tokens.currentToken()).contains(new AccessToken("first"));
    assertThat(tokens.refresh(tokens.currentToken())).contains(new AccessToken("second"));
    assertThat(tokens.currentToken()).contains(new AccessToken("second"));
    assertThat(tokens.refresh(tokens.currentToken())).isEmpty();
    assertThat(tokens.currentToken()).contains(new AccessToken("second"));
    assertThat(tokens.refreshCount()).isEqualTo(2);
    assertThat(tokens.rejectedTokens())
        .containsExactly(
            Optional.of(new AccessToken("first")), Optional.of(new AccessToken("second")));
  }

  @Test
  void noTokensMeansEmptyAndNoRefresh() {
    ScriptedTokenProvider tokens = ScriptedTokenProvider.of();

    assertThat(tokens.currentToken()).isEmpty();
    assertThat(tokens.refresh(Optional.empty())).isEmpty();
    assertThat(tokens.refreshCount()).isEqualTo(1);
  }

  @Test
  void toStringHidesTokens() {
    assertThat(ScriptedTokenProvider.of("s3cret-value").toString())
        .doesNotContain("s3cret")
        .contains("1 tokens");
  }
}
