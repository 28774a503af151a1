package io.dossiersync.sqlite.internal.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Field;

/**
 * Joins single fields and column groups into one select, insert or group-by list, so that a column
 * group is authored once and spliced where it is listed (build time only). Stateless.
 */
final class FieldList {

  private FieldList() {}

  /**
   * The fields in order; each part is a {@link Field} or a collection of them.
   *
   * @throws IllegalArgumentException if a part is neither
   */
  static List<Field<?>> of(Object... parts) {
    List<Field<?>> fields = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Field<?> field) {
        fields.add(field);
      } else if (part instanceof Collection<?> group) {
        for (Object member : group) {
          fields.add((Field<?>) member);
        }
      } else {
        throw new IllegalArgumentException(
            "a field list takes fields and collections of fields, not " + part);
      }
    }
    return List.copyOf(fields);
  }
}
