package io.dossiersync.core.drain;

import io.dossiersync.core.queue.BodyQueue;
import io.dossiersync.core.queue.BodyUploadTask;
import io.dossiersync.core.queue.ClaimRequest;
import io.dossiersync.core.queue.ClaimedBody;
import io.dossiersync.core.queue.EnqueueResult;
import io.dossiersync.core.queue.ProjectScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** A body queue passing every call to another; tests override the call they break. */
class DelegatingBodyQueue implements BodyQueue {

  private final BodyQueue real;

  DelegatingBodyQueue(BodyQueue real) {
    this.real = real;
  }

  @Override
  public EnqueueResult enqueue(List<BodyUploadTask> tasks, Instant now) {
    return real.enqueue(tasks, now);
  }

  @Override
  public List<ClaimedBody> claim(ClaimRequest request) {
    return real.claim(request);
  }

  @Override
  public boolean complete(ClaimedBody body) {
    return real.complete(body);
  }

  @Override
  public boolean reschedule(ClaimedBody body, Instant nextAttemptAt, String lastError) {
    return real.reschedule(body, nextAttemptAt, lastError);
  }

  @Override
  public boolean release(ClaimedBody body) {
    return real.release(body);
  }

  @Override
  public boolean fail(ClaimedBody body, String reason, Instant now) {
    return real.fail(body, reason, now);
  }

  @Override
  public long pending(ProjectScope scope) {
    return real.pending(scope);
  }

  @Override
  public Optional<Instant> nextDue(ProjectScope scope) {
    return real.nextDue(scope);
  }

  @Override
  public SortedSet<String> projects() {
    return real.projects();
  }
}
