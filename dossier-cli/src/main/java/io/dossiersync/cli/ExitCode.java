package io.dossiersync.cli;

/** The exit codes of every {@code dossier} command (PRODUCT.md §6). */
public final class ExitCode {

  /** Every artifact ended uploaded, already_exists, queued or skipped; the command succeeded. */
  public static final int OK = 0;

  /** At least one {@code failed}, a rejected token, or an unusable queue file. */
  public static final int FAILED = 1;

  /** Bad usage or invalid input; nothing was enqueued. */
  public static final int USAGE = 2;

  /** {@code drain --until-empty} stopped at {@code --max-time} with tasks still pending. */
  public static final int TIMED_OUT = 3;

  /**
   * {@code status --check} found a pending task older than {@code --max-age}, or failure records.
   */
  public static final int UNHEALTHY = 4;

  private ExitCode() {}
}
