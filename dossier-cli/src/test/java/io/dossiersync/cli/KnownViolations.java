package io.dossiersync.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * The named exceptions of {@link ArchitectureTest}: each is either permanent (with the reason) or
 * known and being fixed elsewhere (with the issue). Remove an entry when its reason is gone; never
 * add one without a reason.
 */
final class KnownViolations {

  private KnownViolations() {}

  /**
   * Permanent: jOOQ's code generator writes {@code …internal.jooq} (schema, keys, indexes), {@code
   * .tables} and {@code .tables.records}, which refer to each other by design. Generated, never
   * edited, and internal to its module, so cycles among those packages are not ours to break.
   */
  static DescribedPredicate<JavaClass> cycleOrigins() {
    return generatedJooq();
  }

  /** The other end of the dependencies ignored by {@link #cycleOrigins()}. */
  static DescribedPredicate<JavaClass> cycleTargets() {
    return generatedJooq();
  }

  /**
   * The classes exempt from "no module reaches into another module's internal package".
   *
   * <p>Known, being fixed (issue 16 section 2 and the PostgreSQL store): {@code dossier-postgres}
   * reuses {@code dossier-sqlite}'s internal queue code ({@code Transactor}, {@code SqlSession},
   * {@code SqliteBodyQueue}, {@code StoreQueries}, …) from {@code PostgresQueueStore} and {@code
   * postgres.internal.PostgresDatabase}. The shared statements are to move to a place both stores
   * may use; until then the whole of {@code io.dossiersync.postgres} is exempt.
   */
  static DescribedPredicate<JavaClass> notExempt() {
    return DescribedPredicate.describe(
        "are not in io.dossiersync.postgres (known: it reuses dossier-sqlite's internal code)",
        type -> !isIn(type, "io.dossiersync.postgres"));
  }

  private static DescribedPredicate<JavaClass> generatedJooq() {
    return DescribedPredicate.describe(
        "are jOOQ-generated schema classes (…internal.jooq..)",
        type -> type.getPackageName().contains(".internal.jooq"));
  }

  private static boolean isIn(JavaClass type, String root) {
    String name = type.getPackageName();
    return name.equals(root) || name.startsWith(root + ".");
  }
}
