package io.dossiersync;

import io.dossiersync.core.queue.EventRecord;
import io.dossiersync.core.transport.ContentTransport;
import io.dossiersync.core.transport.EventBatchResult;
import io.dossiersync.core.transport.EventTransport;
import io.dossiersync.core.transport.PushContentRequest;
import io.dossiersync.core.transport.PushResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Transports that wrap real ones and record how often they were closed. */
final class RecordingTransports {

  final AtomicInteger contentCloses = new AtomicInteger();
  final AtomicInteger eventCloses = new AtomicInteger();
  final ContentTransport content;
  final EventTransport events;

  RecordingTransports(ContentTransport realContent, EventTransport realEvents) {
    this.content =
        new ContentTransport() {
          @Override
          public PushResult push(PushContentRequest request) {
            return realContent.push(request);
          }

          @Override
          public void close() {
            contentCloses.incrementAndGet();
          }
        };
    this.events =
        new EventTransport() {
          @Override
          public EventBatchResult send(List<EventRecord> batch) {
            return realEvents.send(batch);
          }

          @Override
          public void close() {
            eventCloses.incrementAndGet();
          }
        };
  }
}
