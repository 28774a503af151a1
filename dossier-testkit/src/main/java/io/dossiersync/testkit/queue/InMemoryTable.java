package io.dossiersync.testkit.queue;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedTask;
import io.dossiersync.core.queue.Lease;
import io.dossiersync.core.queue.NextDue;
import io.dossiersync.core.queue.ProjectScope;
import io.dossiersync.core.queue.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rows of one in-memory queue, indexed by id and kept in drain order, so that a claim walks
 * only the head of the queue (ready rows plus the few leased ones), never the whole queue. A row
 * may also have a replacement key (a body's namespace and path, an event's coalesce key): the table
 * holds at most one row per replacement key, which the queues keep true by removing the older row
 * before adding a newer one. Not thread-safe: every call happens under the lock of the owning
 * {@link InMemoryQueueStore}.
 *
 * @param <T> the task type
 */
final class InMemoryTable<T> {

  private final Map<String, InMemoryEntry<T>> byId = new HashMap<>();
  private final TreeSet<InMemoryEntry<T>> drainOrder = new TreeSet<>(InMemoryEntry.DRAIN_ORDER);
  private final Map<Object, InMemoryEntry<T>> byReplacementKey = new HashMap<>();
  private final Function<T, NamespaceRef> namespaceOf;
  private final Function<T, Optional<?>> replacementKeyOf;
  private long nextSeq;

  InMemoryTable(Function<T, NamespaceRef> namespaceOf, Function<T, Optional<?>> replacementKeyOf) {
    this.namespaceOf = namespaceOf;
    this.replacementKeyOf = replacementKeyOf;
  }

  /** The row that a task with this replacement key would replace, if any. */
  Optional<InMemoryEntry<T>> replaceable(T task) {
    return replacementKeyOf.apply(task).map(byReplacementKey::get);
  }

  NamespaceRef namespaceOf(InMemoryEntry<T> entry) {
    return namespaceOf.apply(entry.task);
  }

  int size() {
    return byId.size();
  }

  Optional<InMemoryEntry<T>> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Collection<InMemoryEntry<T>> entries() {
    return Collections.unmodifiableCollection(drainOrder);
  }

  InMemoryEntry<T> add(String id, T task, Instant now) {
    InMemoryEntry<T> entry = new InMemoryEntry<>(id, task, now, nextSeq++);
    byId.put(id, entry);
    drainOrder.add(entry);
    replacementKeyOf.apply(task).ifPresent(key -> byReplacementKey.put(key, entry));
    return entry;
  }

  void remove(InMemoryEntry<T> entry) {
    byId.remove(entry.id);
    drainOrder.remove(entry);
    replacementKeyOf.apply(entry.task).ifPresent(key -> byReplacementKey.remove(key, entry));
  }

  /** The entry with this id when it is still held under the claim's lease owner. */
  Optional<InMemoryEntry<T>> held(String id, Lease claim) {
    return get(id).filter(e -> e.heldBy(claim));
  }

  void reschedule(InMemoryEntry<T> entry, Instant nextAttemptAt, String lastError) {
    drainOrder.remove(entry);
    if (entry.firstFailedAt == null) {
      entry.firstFailedAt = entry.claimedAt;
    }
    entry.retryCount++;
    entry.nextAttemptAt = nextAttemptAt;
    entry.lastError = lastError;
    entry.lease = null;
    drainOrder.add(entry);
  }

  /** Claims ready rows of the scope that pass {@code accept}, oldest first, under the lease. */
  List<InMemoryEntry<T>> claim(ClaimRequest request, Predicate<T> accept) {
    List<InMemoryEntry<T>> claimed = new ArrayList<>();
    if (request.scope().isEmpty()) {
      return claimed;
    }
    Lease lease = request.lease();
    for (InMemoryEntry<T> entry : drainOrder) {
      if (entry.nextAttemptAt.isAfter(request.now()) || claimed.size() == request.maxTasks()) {
        break;
      }
      if (!entry.leasedAt(request.now())
          && request.scope().includes(namespaceOf(entry).projectUuid())
          && accept.test(entry.task)) {
        entry.lease = lease;
        entry.claimedAt = request.now();
        claimed.add(entry);
      }
    }
    return claimed;
  }

  long count(ProjectScope scope) {
    return drainOrder.stream().filter(e -> scope.includes(namespaceOf(e).projectUuid())).count();
  }

  /** When a row of the scope is claimable next, and whether a lease holds one due by now. */
  NextDue nextDue(ProjectScope scope, Instant now) {
    Instant best = null;
    Instant firstAttempt = null;
    for (InMemoryEntry<T> entry : drainOrder) {
      if (best != null && !entry.nextAttemptAt.isBefore(best)) {
        break;
      }
      if (scope.includes(namespaceOf(entry).projectUuid())) {
        firstAttempt = firstAttempt == null ? entry.nextAttemptAt : firstAttempt;
        Instant due = entry.dueAt();
        best = best == null || due.isBefore(best) ? due : best;
      }
    }
    return NextDue.of(Optional.ofNullable(best), Optional.ofNullable(firstAttempt), now);
  }

  /**
   * Applies settlements to the rows still held under their claims' leases; {@code fail} moves a
   * held row to the failure records.
   */
  <C extends ClaimedTask> List<Settlement<C>> settle(
      List<Settlement<C>> settlements, BiConsumer<InMemoryEntry<T>, Settlement<C>> fail) {
    List<Settlement<C>> applied = new ArrayList<>(settlements.size());
    for (Settlement<C> s : settlements) {
      Optional<InMemoryEntry<T>> held = held(s.claimed().taskId(), s.claimed().lease());
      if (held.isEmpty()) {
        continue;
      }
      InMemoryEntry<T> entry = held.get();
      switch (s.action()) {
        case COMPLETE -> remove(entry);
        case RESCHEDULE -> reschedule(entry, s.nextAttemptAt().orElseThrow(), s.reason());
        case RELEASE -> entry.lease = null;
        case FAIL -> {
          remove(entry);
          fail.accept(entry, s);
        }
      }
      applied.add(s);
    }
    return applied;
  }

  /** Extends the leases still held to {@code until}; returns the tasks renewed. */
  <C extends ClaimedTask> List<C> renew(List<C> held, Instant until) {
    Objects.requireNonNull(until, "until");
    List<C> renewed = new ArrayList<>(held.size());
    for (C c : held) {
      held(c.taskId(), c.lease())
          .ifPresent(
              e -> {
                e.lease = new Lease(c.lease().owner(), until);
                renewed.add(c);
              });
    }
    return renewed;
  }

  SortedSet<String> projects() {
    TreeSet<String> projects = new TreeSet<>();
    drainOrder.forEach(e -> projects.add(namespaceOf(e).projectUuid()));
    return Collections.unmodifiableSortedSet(projects);
  }

  /** Removes (or only counts, on a dry run) the rows whose namespace matches. */
  long purge(Predicate<NamespaceRef> matches, boolean dryRun) {
    List<InMemoryEntry<T>> doomed =
        drainOrder.stream().filter(e -> matches.test(namespaceOf(e))).toList();
    if (!dryRun) {
      doomed.forEach(this::remove);
    }
    return doomed.size();
  }

  long ready(Instant now) {
    return drainOrder.stream()
        .filter(e -> !e.nextAttemptAt.isAfter(now) && !e.leasedAt(now))
        .count();
  }

  long inBackoff(Instant now) {
    return drainOrder.stream().filter(e -> e.nextAttemptAt.isAfter(now)).count();
  }
}
