package io.tessera.catalogserver.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Catalog nodes run in process on one embedded PostgreSQL (each with its own data directory), and
 * the HTTP calls the cluster tests make to them.
 */
final class Nodes implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType YAML = MediaType.of("application/yaml");

  final EmbeddedPostgres postgres;
  private final Path dirs;
  private final List<EmbeddedServer> servers = new ArrayList<>();

  private Nodes(EmbeddedPostgres postgres, Path dirs) {
    this.postgres = postgres;
    this.dirs = dirs;
  }

  static Nodes start(Path dirs) throws IOException {
    return new Nodes(EmbeddedPostgres.start(), dirs);
  }

  @Override
  public void close() throws IOException {
    for (EmbeddedServer s : List.copyOf(servers)) {
      TestServer.stopWith(s, null);
    }
    TestServer.stopWith(null, postgres);
  }

  /** A node named {@code name} (its data directory too), with further settings as key, value, …. */
  EmbeddedServer node(String name, String... more) {
    try {
      Path dir = dirs.resolve(name);
      Files.createDirectories(dir);
      Map<String, Object> settings = new java.util.HashMap<>();
      settings.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
      settings.put("datasources.default.username", "postgres");
      settings.put("datasources.default.password", "postgres");
      settings.put("tessera.data-dir", dir.toString());
      settings.put("tessera.demo", false);
      settings.put("tessera.cluster.node-id", name);
      settings.put("tessera.cluster.read-wait", "3s");
      settings.put("micronaut.server.port", -1);
      for (int i = 0; i + 1 < more.length; i += 2) {
        settings.put(more[i], more[i + 1]);
      }
      EmbeddedServer server =
          ApplicationContext.run(EmbeddedServer.class, settings, Environment.TEST);
      servers.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stop(EmbeddedServer server) throws IOException {
    servers.remove(server);
    TestServer.stopWith(server, null);
  }

  /** How many entries the catalog journal holds, checking that its positions have no gap. */
  long journalRows() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(position) FROM catalog_journal")) {
      rs.next();
      assertThat(rs.getLong(1)).as("positions are gapless").isEqualTo(rs.getLong(2));
      return rs.getLong(1);
    }
  }

  static HttpClient client(EmbeddedServer server) {
    return server.getApplicationContext().createBean(HttpClient.class, server.getURL());
  }

  static HttpResponse<String> apply(EmbeddedServer server, String yaml) {
    return client(server)
        .toBlocking()
        .exchange(
            HttpRequest.POST("/api/v1/descriptors", yaml.getBytes(StandardCharsets.UTF_8))
                .contentType(YAML),
            Argument.STRING,
            Argument.STRING);
  }

  static long position(HttpResponse<?> write) {
    String header = write.getHeaders().get(ReadYourWritesFilter.POSITION);
    assertThat(header).as("the write's journal position").isNotNull();
    return Long.parseLong(header);
  }

  static HttpResponse<String> get(EmbeddedServer server, String path, Long waitFor) {
    MutableHttpRequest<?> request = HttpRequest.GET(path);
    if (waitFor != null) {
      request.header(ReadYourWritesFilter.WAIT_FOR, Long.toString(waitFor));
    }
    try {
      return client(server).toBlocking().exchange(request, Argument.STRING, Argument.STRING);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
      return response;
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.getBody(String.class).orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String product(String domain, String description) {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata:
          name: "%1$s"
        spec:
          title: Billing
          description: Invoices and payment reminders.
          owner: mailto:billing-data@example.com
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata:
          domain: "%1$s"
          name: invoices
        spec:
          title: Invoices
          description: "%2$s"
          owner: mailto:billing-data@example.com
          lifecycle: design
          outputPorts:
            - name: invoices-table
              type: table
              dataset:
                namespace: postgres://warehouse:5432
                name: %1$s.public.invoices
              schema:
                - {name: invoice_id, type: string, required: true}
        """
        .formatted(domain, description);
  }
}
