package io.dossiersync.sqlite.internal.sql;

import java.util.List;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * The named values of authored statements (build time only). Every value of a statement is named,
 * so that the renderer maps each placeholder to one of {@link Sql#params()}; constants are inlined.
 * Stateless.
 */
final class Values {

  private Values() {}

  static Param<String> text(String name) {
    return DSL.param(name, String.class);
  }

  static Param<Long> number(String name) {
    return DSL.param(name, Long.class);
  }

  static Param<Integer> integer(String name) {
    return DSL.param(name, Integer.class);
  }

  /**
   * The five namespace values {@code project}, {@code feature}, {@code branch}, {@code mission},
   * {@code manifest}, in the order of {@link QueueColumns#namespace()}.
   */
  static List<Param<String>> namespace() {
    return List.of(
        text("project"), text("feature"), text("branch"), text("mission"), text("manifest"));
  }
}
