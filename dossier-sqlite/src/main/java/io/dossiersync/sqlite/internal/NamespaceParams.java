package io.dossiersync.sqlite.internal;

import io.dossiersync.core.NamespaceRef;
import org.jooq.Condition;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Five named bind parameters for a namespace, for statements that are prepared once and
 * re-bound per row with {@link Query#bind(String, Object)}. Not thread-safe: belongs to one batch.
 */
final class NamespaceParams {

  private final String prefix;
  final Param<String> project;
  final Param<String> feature;
  final Param<String> branch;
  final Param<String> mission;
  final Param<String> manifest;

  NamespaceParams(String prefix) {
    this.prefix = prefix;
    project = DSL.param(prefix + "project_uuid", String.class);
    feature = DSL.param(prefix + "feature_slug", String.class);
    branch = DSL.param(prefix + "target_branch", String.class);
    mission = DSL.param(prefix + "mission_key", String.class);
    manifest = DSL.param(prefix + "manifest_version", String.class);
  }

  /** Binds the five values into a query built with these parameters. */
  void bind(Query query, NamespaceRef ns) {
    query.bind(prefix + "project_uuid", ns.projectUuid());
    query.bind(prefix + "feature_slug", ns.featureSlug());
    query.bind(prefix + "target_branch", ns.targetBranch());
    query.bind(prefix + "mission_key", ns.missionKey());
    query.bind(prefix + "manifest_version", ns.manifestVersion());
  }

  Condition matches(QueueColumns q) {
    return q.projectUuid().eq(project).and(q.featureSlug().eq(feature))
        .and(q.targetBranch().eq(branch)).and(q.missionKey().eq(mission))
        .and(q.manifestVersion().eq(manifest));
  }
}
