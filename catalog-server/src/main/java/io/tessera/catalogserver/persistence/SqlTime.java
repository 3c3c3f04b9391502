package io.tessera.catalogserver.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same on H2 and PostgreSQL
 * (always UTC; null stays null): for every JDBC store of the server.
 */
public final class SqlTime {
  private SqlTime() {}

  /** The value to bind for an instant, or null. */
  public static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** An instant read back, or null. */
  public static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** The instant in a column of the current row, or null. */
  public static Instant instant(ResultSet rows, int column) throws SQLException {
    return instant(rows.getObject(column, OffsetDateTime.class));
  }
}
