package io.tessera.catalogserver.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.tessera.catalogserver.metrics.Sampled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Health, incident and SLO counts on {@code /metrics}: {@code tessera.products.health{status}}
 * (products by their current health), {@code tessera.incidents{state}} (incidents not resolved, by
 * state) and {@code tessera.slo.breached} (objectives breached now). Each query runs at most once
 * every five seconds, whatever the number of scrapes; the data source is resolved on the first
 * scrape (see docs/observability.md, "Adding meters").
 */
@Singleton
public class HealthMeters implements MeterBinder {
  private static final Duration EVERY = Duration.ofSeconds(5);

  private final Sampled<Map<String, Long>> health;
  private final Sampled<Map<String, Long>> incidents;
  private final Sampled<Map<String, Long>> breached;

  public HealthMeters(BeanProvider<DataSource> dataSource) {
    this.health =
        new Sampled<>(
            () ->
                counts(
                    dataSource.get(),
                    "SELECT status, COUNT(*) FROM product_health WHERE port = '' GROUP BY status"),
            EVERY);
    this.incidents =
        new Sampled<>(
            () ->
                counts(
                    dataSource.get(),
                    "SELECT state, COUNT(*) FROM incident WHERE state <> 'resolved' GROUP BY"
                        + " state"),
            EVERY);
    this.breached =
        new Sampled<>(
            () ->
                counts(
                    dataSource.get(),
                    "SELECT 'breached', COUNT(*) FROM slo_status WHERE breached = TRUE"),
            EVERY);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : List.of("healthy", "degraded", "failing")) {
      Gauge.builder("tessera.products.health", health, h -> h.get().getOrDefault(status, 0L))
          .description("products by their current health")
          .tag("status", status)
          .register(registry);
    }
    for (String state : List.of("open", "acknowledged")) {
      Gauge.builder("tessera.incidents", incidents, i -> i.get().getOrDefault(state, 0L))
          .description("incidents not resolved yet, by state")
          .tag("state", state)
          .register(registry);
    }
    Gauge.builder("tessera.slo.breached", breached, b -> b.get().getOrDefault("breached", 0L))
        .description("service level objectives breached now")
        .register(registry);
  }

  private static Map<String, Long> counts(DataSource dataSource, String sql) {
    Map<String, Long> counts = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count for the health meters", e);
    }
    return counts;
  }
}
