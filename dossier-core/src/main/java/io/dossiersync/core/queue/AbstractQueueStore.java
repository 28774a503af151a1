package io.dossiersync.core.queue;

import java.util.Objects;

/**
 * A base for {@link QueueStore} adapters that hold their three views as fixed objects: it returns
 * them from {@link #events()}, {@link #bodies()} and {@link #failures()}, so an adapter writes only
 * {@code stats}, {@code purge}, {@code location} and {@code close}. Optional: any class may
 * implement {@link QueueStore} directly.
 *
 * <pre>{@code
 * public final class MyQueueStore extends AbstractQueueStore {
 *   public MyQueueStore(MyDatabase db) {
 *     super(new MyEventQueue(db), new MyBodyQueue(db), new MyFailureRecords(db));
 *   }
 *   // stats, purge, location, close ...
 * }
 * }</pre>
 *
 * <p>Thread-safety and durability are those of the views the subclass passes in; this class only
 * keeps the final references.
 *
 * @since 0.1.0
 */
public abstract class AbstractQueueStore implements QueueStore {

  private final EventQueue events;
  private final BodyQueue bodies;
  private final FailureRecords failures;

  /**
   * Keeps the three views of the store.
   *
   * @param events the event queue view
   * @param bodies the body queue view
   * @param failures the failure records view
   */
  protected AbstractQueueStore(EventQueue events, BodyQueue bodies, FailureRecords failures) {
    this.events = Objects.requireNonNull(events, "events");
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public final EventQueue events() {
    return events;
  }

  @Override
  public final BodyQueue bodies() {
    return bodies;
  }

  @Override
  public final FailureRecords failures() {
    return failures;
  }
}
