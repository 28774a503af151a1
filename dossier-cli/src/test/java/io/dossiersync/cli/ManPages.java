package io.dossiersync.cli;

import java.io.File;
import java.io.IOException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages (AsciiDoc, one per command) from the picocli model: run at package time by
 * the exec plugin, and by {@link ManPageTest}. Lives in the test tree so that picocli-codegen never
 * reaches the command's jar.
 */
final class ManPages {

  private ManPages() {}

  /**
   * Writes {@code dossier.adoc} and {@code dossier-<command>.adoc} into a directory.
   *
   * @param args the output directory
   * @throws IOException when a page cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages <output directory>");
    }
    int code = write(new File(args[0]));
    if (code != 0) {
      throw new IOException("the man page generator failed with exit code " + code);
    }
  }

  static int write(File outputDirectory) throws IOException {
    CommandSpec spec = DossierCli.command(CliIo.system()).getCommandSpec();
    return ManPageGenerator.generateManPage(outputDirectory, null, new boolean[0], true, spec);
  }
}
