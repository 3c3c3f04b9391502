package io.tessera.catalogserver.persistence;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * Makes every commit to the embedded H2 database durable before it returns ({@code
 * tessera.journal.fsync}, {@code TESSERA_JOURNAL_FSYNC}, on by default): H2 writes a commit into
 * its file but leaves it in the operating system's cache, where a power loss or a kernel crash
 * loses it. The application's {@link DataSource} is wrapped so that a {@code commit()} of a
 * transaction that wrote, and every writing statement in auto-commit mode, returns only once the
 * store file is forced to disk: the journal's commit groups, descriptor applies and revisions,
 * tokens, audit records, catalog events, subscriptions and deliveries, incidents, usage records,
 * exchange requests alike, whoever commits.
 *
 * <p>The syncs are grouped: a commit takes a ticket after it committed and waits for one sync that
 * started after it; whoever holds the sync lock syncs for every ticket taken before it started, so
 * concurrent commits share one {@code fdatasync}. A sync stores what H2 still holds in memory
 * ({@code MVStore.commit}) and forces the file's data ({@code FileChannel.force(false)}, i.e.
 * {@code fdatasync}) through a channel of its own. H2's {@code CHECKPOINT SYNC} does about the same
 * but takes the database-wide lock, goes through the SQL layer, and forces the file's metadata too
 * ({@code fsync}, which on ext4 also commits the file-system journal with whatever other files,
 * such as the graph store's, have pending). PostgreSQL and in-memory databases are left alone:
 * PostgreSQL syncs its commits itself.
 *
 * <p>Since every commit is then stored by its sync, H2's background writer is switched back on (the
 * server's URL has {@code WRITE_DELAY=0}, which keeps a commit crash-safe without syncs but stops
 * the writer): its housekeeping compacts the file as it goes.
 */
@Singleton
public class DurableCommits implements BeanCreatedEventListener<DataSource> {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

  /** What may change data; {@code execute} only when it returned no result set. */
  private static final Set<String> WRITES =
      Set.of("executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch", "execute");

  /** How often H2's background writer stores and tidies the file once syncs store every commit. */
  private static final int BACKGROUND_WRITER_DELAY_MS = 1000;

  private final boolean enabled;
  private final ReentrantLock syncLock = new ReentrantLock();
  private final AtomicLong tickets = new AtomicLong();
  private final AtomicLong syncs = new AtomicLong();
  private long synced; // guarded by syncLock
  private MVStore store; // guarded by syncLock
  private FileChannel channel; // guarded by syncLock

  public DurableCommits(@Value("${tessera.journal.fsync:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    return wrap(event.getBean());
  }

  /**
   * The data source itself when syncing is off or it is not an embedded H2 file database (as far as
   * its configuration tells); otherwise one whose commits are durable when they return.
   */
  public DataSource wrap(DataSource dataSource) {
    if (!enabled) {
      return dataSource;
    }
    if (dataSource instanceof HikariConfig hikari
        && (hikari.getJdbcUrl() == null || !hikari.getJdbcUrl().startsWith("jdbc:h2:file:"))) {
      return dataSource;
    }
    LOG.info("H2 commits are forced to disk before they are acknowledged (tessera.journal.fsync)");
    return new Durable(dataSource);
  }

  /** Whether commits to an embedded H2 database are forced to disk. */
  public boolean enabled() {
    return enabled;
  }

  /** How many times the H2 store file was forced to disk since the start. */
  public long syncs() {
    return syncs.get();
  }

  /**
   * Returns once everything the calling thread committed before the call is on disk: shares one
   * sync with every commit that waits at the same time.
   */
  void awaitDurable(Connection connection) throws SQLException {
    long ticket = tickets.incrementAndGet();
    syncLock.lock();
    try {
      if (synced >= ticket) {
        return; // a sync that started after this commit has finished
      }
      long upTo = tickets.get();
      if (!open(connection)) {
        synced = upTo;
        return;
      }
      store.commit(); // what H2 still holds in memory goes to the file first
      if (channel != null) {
        channel.force(false);
      } else {
        store.sync();
      }
      syncs.incrementAndGet();
      synced = upTo;
    } catch (IOException | RuntimeException e) {
      throw new SQLException("cannot force the database to disk", e);
    } finally {
      syncLock.unlock();
    }
  }

  /**
   * Finds the H2 store behind the connection (again after H2 reopened the database); false when it
   * is not an embedded file database.
   */
  private boolean open(Connection connection) throws SQLException, IOException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)
        || local.getDatabase().getStore() == null) {
      return false;
    }
    MVStore mv = local.getDatabase().getStore().getMvStore();
    if (mv.getFileStore() == null) {
      return false;
    }
    if (mv == store) {
      return true;
    }
    if (channel != null) {
      channel.close();
      channel = null;
    }
    store = mv;
    if (mv.getAutoCommitDelay() == 0) {
      // every commit is stored by its sync now: let H2's background writer run its housekeeping,
      // which rewrites sparse chunks so the file does not keep every dead page (WRITE_DELAY=0 in
      // the URL keeps the writer off, and the file grew to 25 times its live data)
      mv.setAutoCommitDelay(BACKGROUND_WRITER_DELAY_MS);
    }
    Path file = Path.of(mv.getFileStore().getFileName());
    if (Files.isRegularFile(file)) {
      // fdatasync applies to the file, whichever descriptor wrote to it
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } else {
      LOG.warn("cannot open {} to sync it; using H2's own sync (fsync)", file);
    }
    return true;
  }

  /** A data source whose connections make their commits durable. */
  private final class Durable implements DataSource {
    private final DataSource delegate;

    Durable(DataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return connection(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return connection(delegate.getConnection(username, password));
    }

    private Connection connection(Connection c) {
      return (Connection)
          Proxy.newProxyInstance(
              DurableCommits.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              new ConnectionHandler(c));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return type.isInstance(delegate) ? type.cast(delegate) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(delegate) || delegate.isWrapperFor(type);
    }
  }

  /**
   * Syncs after a commit of a transaction that wrote, and after a writing statement in auto-commit
   * mode; passes everything else through.
   */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection connection;
    private boolean wrote; // in the current transaction; one thread uses a connection at a time

    ConnectionHandler(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      boolean pendingWrites = wrote && name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]);
      Object result = call(connection, method, args);
      switch (name) {
        case "commit" -> {
          if (wrote) {
            wrote = false;
            awaitDurable(connection);
          }
        }
        case "rollback" -> {
          if (args == null) {
            wrote = false;
          }
        }
        case "setAutoCommit" -> {
          if (pendingWrites) { // switching auto-commit on commits the transaction
            wrote = false;
            awaitDurable(connection);
          }
        }
        case "createStatement", "prepareStatement", "prepareCall" -> {
          return statement((Statement) result, method.getReturnType());
        }
        default -> {}
      }
      return result;
    }

    private Object statement(Statement statement, Class<?> type) {
      Class<?> api =
          type == CallableStatement.class
              ? CallableStatement.class
              : type == PreparedStatement.class ? PreparedStatement.class : Statement.class;
      return Proxy.newProxyInstance(
          DurableCommits.class.getClassLoader(),
          new Class<?>[] {api},
          (proxy, method, args) -> {
            Object result = call(statement, method, args);
            if (WRITES.contains(method.getName()) && !Boolean.TRUE.equals(result)) {
              if (connection.getAutoCommit()) {
                awaitDurable(connection);
              } else {
                wrote = true;
              }
            }
            return result;
          });
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
