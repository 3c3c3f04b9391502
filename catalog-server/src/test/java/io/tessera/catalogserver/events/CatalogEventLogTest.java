package io.tessera.catalogserver.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.ontology.IriMinter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed's horizon on an in-memory H2 database: an event appended in a transaction still open
 * holds readers back before it, even when a later event has committed, until it commits.
 */
class CatalogEventLogTest {
  private static final AccessScope ADMIN =
      AccessScope.unrestricted(new Principal("root", Set.of(Role.ADMIN), Set.of(), Map.of()));

  private JdbcDataSource dataSource;
  private CatalogEventLog log;
  private ChangeFeed feed;

  @BeforeEach
  void createTheTable() throws Exception {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:feed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE catalog_event (id BIGINT AUTO_INCREMENT PRIMARY KEY, event_id"
              + " VARCHAR(64) NOT NULL UNIQUE, type VARCHAR(128) NOT NULL, subject VARCHAR(1024)"
              + " NOT NULL, product_domain VARCHAR(63), product_name VARCHAR(63), occurred_at"
              + " TIMESTAMP WITH TIME ZONE NOT NULL, data CLOB)");
    }
    log = new CatalogEventLog(dataSource);
    feed = new ChangeFeed(log, new ChangeFeedScope(new IriMinter("https://tessera.local")));
  }

  @Test
  void shouldHoldReadersBeforeAnEventWhoseTransactionIsOpen() throws Exception {
    long before = log.append(CatalogEvent.of("domain.changed", "a", null, null));
    assertThat(log.horizon()).isEqualTo(Long.MAX_VALUE);
    try (Connection open = dataSource.getConnection()) {
      open.setAutoCommit(false);
      long pending = log.append(open, CatalogEvent.of("access.requested", "r-1", "a/b", null));
      assertThat(log.horizon()).isEqualTo(pending - 1);
      long later =
          Thread.ofPlatform()
                  .start(() -> log.append(CatalogEvent.of("domain.changed", "c", null, null)))
                  .join(java.time.Duration.ofSeconds(10))
              ? log.latest()
              : -1;
      assertThat(later).isGreaterThan(pending);

      ChangeFeed.Page held = feed.read(0, 10, TypeFilter.ALL, ADMIN);
      assertThat(held.events()).extracting(CatalogEvent::position).containsExactly(before);
      assertThat(held.next()).isEqualTo(before);

      open.commit();
      log.committed(pending);
    }
    assertThat(log.horizon()).isEqualTo(Long.MAX_VALUE);
    ChangeFeed.Page all = feed.read(before, 10, TypeFilter.ALL, ADMIN);
    assertThat(all.events()).hasSize(2);
    assertThat(all.events().getFirst().type()).isEqualTo("io.tessera.access.requested");
  }

  @Test
  void shouldPruneAndReportTheOldestCursorStillHeld() {
    long first = log.append(CatalogEvent.of("domain.changed", "a", null, null));
    assertThat(feed.start(null)).isEqualTo(first - 1);
    assertThat(log.prune(java.time.Instant.now().plusSeconds(1))).isEqualTo(1);
    long next = log.append(CatalogEvent.of("domain.changed", "b", null, null));
    assertThat(feed.start(next - 1)).isEqualTo(next - 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.start(first - 1))
        .isInstanceOfSatisfying(
            CursorExpiredException.class, e -> assertThat(e.oldest()).isEqualTo(next - 1));
  }
}
