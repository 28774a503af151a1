package io.dossiersync.testkit.fake;

import io.dossiersync.core.drain.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The shared machinery of the scripted fakes: answers per key, answers in order, a default, the
 * record of every request and the await helpers. All state is guarded by one lock; answers run
 * outside it, so a delayed answer never blocks other callers.
 */
final class AnswerScript<Q, R> {

  private final Object lock = new Object();
  private final Map<String, Deque<ScriptedAnswer<Q, R>>> byKey = new HashMap<>();
  private final Deque<ScriptedAnswer<Q, R>> inOrder = new ArrayDeque<>();
  private final List<Q> recorded = new ArrayList<>();
  private final Function<Q, Optional<String>> keyOf;
  private final Sleeper sleeper;
  private ScriptedAnswer<Q, R> defaultAnswer;

  AnswerScript(
      Function<Q, Optional<String>> keyOf, Sleeper sleeper, ScriptedAnswer<Q, R> defaultAnswer) {
    this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.defaultAnswer = Objects.requireNonNull(defaultAnswer, "defaultAnswer");
  }

  R answer(Q request) {
    ScriptedAnswer<Q, R> next;
    synchronized (lock) {
      recorded.add(request);
      lock.notifyAll();
      next = pick(request);
    }
    return next.answer(request, sleeper);
  }

  private ScriptedAnswer<Q, R> pick(Q request) {
    Optional<String> key = keyOf.apply(request);
    if (key.isPresent()) {
      Deque<ScriptedAnswer<Q, R>> forKey = byKey.get(key.get());
      if (forKey != null && !forKey.isEmpty()) {
        return forKey.removeFirst();
      }
    }
    return inOrder.isEmpty() ? defaultAnswer : inOrder.removeFirst();
  }

  void addInOrder(List<ScriptedAnswer<Q, R>> answers) {
    synchronized (lock) {
      inOrder.addAll(answers);
    }
  }

  void addForKey(String key, List<ScriptedAnswer<Q, R>> answers) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(answers);
    }
  }

  void setDefault(ScriptedAnswer<Q, R> answer) {
    synchronized (lock) {
      defaultAnswer = Objects.requireNonNull(answer, "answer");
    }
  }

  List<Q> recorded() {
    synchronized (lock) {
      return List.copyOf(recorded);
    }
  }

  int remainingAnswers() {
    synchronized (lock) {
      return inOrder.size() + byKey.values().stream().mapToInt(Deque::size).sum();
    }
  }

  void clear() {
    synchronized (lock) {
      recorded.clear();
      inOrder.clear();
      byKey.clear();
    }
  }

  /**
   * Waits until {@code measure} of the recorded requests reaches {@code n}.
   *
   * @return the recorded requests at that moment
   * @throws AssertionError after {@code timeout}, listing what arrived
   */
  List<Q> awaitAtLeast(int n, Duration timeout, ToIntFunction<List<Q>> measure, String what) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (measure.applyAsInt(recorded) < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected at least "
                  + n
                  + " "
                  + what
                  + " within "
                  + timeout
                  + " but "
                  + measure.applyAsInt(recorded)
                  + " arrived: "
                  + recorded);
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000), 0);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + n + " " + what, e);
        }
      }
      return List.copyOf(recorded);
    }
  }
}
