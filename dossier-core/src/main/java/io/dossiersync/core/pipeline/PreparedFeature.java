package io.dossiersync.core.pipeline;

import io.dossiersync.core.NamespaceRef;
import io.dossiersync.core.index.MissionDossier;
import io.dossiersync.core.queue.EventRecord;
import java.util.List;

/**
 * A feature read and ready for its one store call: the index, its events, and its bodies (the first
 * ones already read, the rest read while the store pulls them).
 *
 * @param namespace the namespace
 * @param dossier the index
 * @param events the events to enqueue
 * @param bodies the bodies to enqueue
 */
record PreparedFeature(
    NamespaceRef namespace, MissionDossier dossier, List<EventRecord> events, BodyStream bodies) {}
