package io.dossiersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages the build generates describe every command and its options. */
class ManPageTest {

  @TempDir Path dir;

  @Test
  void writesOnePagePerCommandWithTheOptionsAndExitCodes() throws IOException {
    assertThat(ManPages.write(dir.toFile())).isZero();

    String top = Files.readString(dir.resolve("dossier.adoc"));
    assertThat(top)
        .contains(":doctype: manpage", "= dossier(1)", "== Commands", "sync", "completion");
    String sync = Files.readString(dir.resolve("dossier-sync.adoc"));
    assertThat(sync).contains("= dossier-sync(1)", "--no-drain", "--max-queue-size");
    assertThat(dir.resolve("dossier-completion.adoc")).exists();
  }
}
