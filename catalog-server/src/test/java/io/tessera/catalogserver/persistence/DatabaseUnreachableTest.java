package io.tessera.catalogserver.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are the database out of reach (answered {@code 503 database-unavailable}) and
 * which are not (a constraint violation stays a conflict, anything else an internal error).
 */
class DatabaseUnreachableTest {
  @Test
  void shouldRecogniseConnectionFailuresWhereverTheStoresWrappedThem() {
    assertThat(
            DatabaseUnreachable.causedBy(
                new RevisionStoreException(
                    "cannot read revisions",
                    new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out"))))
        .as("the pool timed out waiting for a connection")
        .isTrue();
    assertThat(
            DatabaseUnreachable.causedBy(
                new JournalException(
                    "cannot append",
                    new SQLException(
                        "batch aborted",
                        null,
                        new SQLException(
                            "FATAL: terminating connection due to administrator command",
                            "57P01")))))
        .as("PostgreSQL shutting down, two causes deep")
        .isTrue();
    assertThat(DatabaseUnreachable.causedBy(new SQLException("Connection refused", "08001")))
        .isTrue();
    assertThat(
            DatabaseUnreachable.causedBy(
                new IllegalStateException(new ConnectException("Connection refused"))))
        .isTrue();
  }

  @Test
  void shouldLookAtTheFailureARollbackSuppressed() {
    SQLException insert = new SQLException("Connection is closed");
    insert.addSuppressed(new SQLException("An I/O error occurred", "08006"));
    assertThat(DatabaseUnreachable.causedBy(new JournalException("cannot append", insert)))
        .isTrue();
  }

  @Test
  void shouldNotTakeOtherDatabaseErrorsForAnOutage() {
    assertThat(
            DatabaseUnreachable.causedBy(
                new SQLException("duplicate key value violates unique constraint", "23505")))
        .isFalse();
    assertThat(DatabaseUnreachable.causedBy(new SQLException("Connection is closed"))).isFalse();
    assertThat(DatabaseUnreachable.causedBy(new IllegalArgumentException("bad input"))).isFalse();
  }
}
