package io.dossiersync.core.drain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every requested sleep and moves the clock by it instead of waiting. */
final class RecordingSleeper implements Sleeper {

  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final SettableClock clock;

  RecordingSleeper(SettableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }
}
