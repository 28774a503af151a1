package io.dossiersync.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates the commands with the run's {@link CliIo}; everything else the picocli way. */
final class CommandFactory implements IFactory {

  /** The subcommands of {@code dossier}, in the order the help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          SyncCommand.class,
          DrainCommand.class,
          WatchCommand.class,
          StatusCommand.class,
          FailuresCommand.class,
          RequeueCommand.class,
          PurgeCommand.class,
          ReceiverCommand.class,
          DemoCommand.class,
          CompletionCommand.class);

  private final CliIo io;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliIo io) {
    this.io = io;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Object command;
    if (type == SyncCommand.class) {
      command = new SyncCommand(io);
    } else if (type == DrainCommand.class) {
      command = new DrainCommand(io);
    } else if (type == StatusCommand.class) {
      command = new StatusCommand(io);
    } else if (type == FailuresCommand.class) {
      command = new FailuresCommand(io);
    } else if (type == RequeueCommand.class) {
      command = new RequeueCommand(io);
    } else if (type == PurgeCommand.class) {
      command = new PurgeCommand(io);
    } else if (type == ReceiverCommand.class) {
      command = new ReceiverCommand(io);
    } else if (type == WatchCommand.class) {
      command = new WatchCommand(io);
    } else if (type == DemoCommand.class) {
      command = new DemoCommand(io);
    } else {
      return fallback.create(type);
    }
    return type.cast(command);
  }
}
