package io.tessera.catalogserver.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.tessera.catalogserver.TesseraConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node does the singleton background work (notification delivery, the health monitor's SLO
 * clock, the exchange's expiry, the change feed's retention, the Git sync). On PostgreSQL the
 * leader is the node holding a session-level advisory lock ({@code pg_try_advisory_lock}, a fixed
 * key derived from {@value #LOCK_NAME}) on a connection of its own, outside the pool. Every {@code
 * tessera.cluster.leader-check} the leader checks that this connection is alive and gives up
 * leadership the moment it is not; the other nodes try to take the lock on the same interval. A
 * leader that dies (kill -9, a crash, a lost network) loses its session, PostgreSQL releases the
 * lock, and another node takes it at its next try (a leader that lost its connection waits one
 * interval before it competes again, so the lock moves rather than flaps). On H2 (one node by
 * construction) this node is always the leader.
 *
 * <p>Leadership is advisory for jobs that read {@link #leading()} before each round: a leader that
 * lost its connection may still finish the round in progress while another node takes over, so the
 * singleton jobs stay safe to run twice (the notification dispatcher reads its cursor {@code FOR
 * UPDATE}; deliveries are unique per event and recipient).
 */
@Singleton
public class Leadership implements MeterBinder, AutoCloseable {
  /** The name the advisory lock's key is derived from. */
  public static final String LOCK_NAME = "tessera.cluster.leader";

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
  private static final long LOCK_KEY = key(LOCK_NAME);

  private final String nodeId;
  private final String url;
  private final String user;
  private final String password;
  private final Duration check;
  private final boolean postgres;
  private final ScheduledExecutorService thread;
  private Connection connection; // guarded by this
  private boolean warned; // guarded by this
  private volatile boolean leader;

  /** This node, where and who it is, and the database it shares. */
  public record Status(String nodeId, boolean leader, String database) {}

  @Inject
  public Leadership(
      ClusterConfig config,
      TesseraConfig tessera,
      @Value("${datasources.default.url}") String url,
      @Nullable @Value("${datasources.default.username:}") String user,
      @Nullable @Value("${datasources.default.password:}") String password) {
    this(config.nodeId(tessera.dataDir()), url, user, password, config.leaderCheck());
  }

  /**
   * A node named {@code nodeId} on the database at {@code url}; on PostgreSQL it tries to take the
   * lock at once and then every {@code check}.
   */
  Leadership(String nodeId, String url, String user, String password, Duration check) {
    this.nodeId = nodeId;
    this.url = url;
    this.user = user;
    this.password = password;
    this.check = check;
    this.postgres = url.startsWith("jdbc:postgresql:");
    if (!postgres) {
      leader = true;
      thread = null;
      return;
    }
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tessera-leadership");
              t.setDaemon(true);
              return t;
            });
    check();
    thread.scheduleWithFixedDelay(
        this::check, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether this node does the singleton work now. */
  public boolean leading() {
    return leader;
  }

  /** This node's id. */
  public String nodeId() {
    return nodeId;
  }

  /** This node's id, whether it leads, and the database kind ({@code postgresql}, {@code h2}). */
  public Status status() {
    return new Status(nodeId, leader, database(url));
  }

  /**
   * One check: the leader verifies its connection (and steps down if it failed), a follower tries
   * to take the lock. Runs on the leadership thread; tests may call it to skip the wait.
   */
  synchronized void check() {
    if (!postgres || thread.isShutdown()) {
      return;
    }
    try {
      if (connection != null && !connection.isValid(validTimeoutSeconds())) {
        boolean led = leader;
        drop("the connection holding the leader lock failed");
        if (led) {
          return; // a leader that lost its session lets the others take over before it tries again
        }
      }
      if (connection == null) {
        connection = open();
      }
      if (!leader && tryLock(connection)) {
        leader = true;
        LOG.info("node {} is now the leader: it runs the singleton background work", nodeId);
      }
      warned = false;
    } catch (SQLException e) {
      drop("the database cannot be reached: " + e.getMessage());
      if (!warned) {
        LOG.warn("leader election: cannot reach the database; retrying every {}", check, e);
        warned = true;
      }
    }
  }

  /** Closes the connection: a leader steps down, and PostgreSQL releases the lock at once. */
  @Override
  @PreDestroy
  public void close() {
    if (thread != null) {
      thread.shutdown();
    }
    synchronized (this) {
      drop("the node is stopping");
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("tessera.cluster.leader", this, l -> l.leading() ? 1 : 0)
        .description("1 when this node runs the singleton background work (the elected leader)")
        .register(registry);
  }

  private void drop(String why) {
    if (leader && postgres) {
      LOG.warn("node {} is no longer the leader: {}", nodeId, why);
    }
    if (postgres) {
      leader = false;
    }
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the leader connection failed", e);
      }
      connection = null;
    }
  }

  private Connection open() throws SQLException {
    Properties properties = new Properties();
    if (user != null && !user.isEmpty()) {
      properties.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "tessera-leader " + nodeId);
    properties.setProperty("connectTimeout", String.valueOf(validTimeoutSeconds()));
    properties.setProperty("socketTimeout", String.valueOf(validTimeoutSeconds() * 2 + 5));
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(url, properties);
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, LOCK_KEY);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  private int validTimeoutSeconds() {
    return (int) Math.max(1, Math.min(10, check.toSeconds()));
  }

  /** The database kind from a JDBC URL: {@code postgresql}, {@code h2}, ... */
  static String database(String url) {
    String[] parts = url.split(":", 3);
    return parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
  }

  /** A 64-bit advisory lock key: the first eight bytes of the name's SHA-256. */
  static long key(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (digest[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
