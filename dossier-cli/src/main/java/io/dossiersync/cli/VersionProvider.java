package io.dossiersync.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {

  static String version() {
    String version = DossierCli.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"dossier " + version()};
  }
}
