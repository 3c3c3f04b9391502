package io.tessera.catalogserver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.KafkaConfig;
import io.openlineage.client.transports.KafkaTransport;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenLineage from Kafka end to end: a real KRaft broker started in the test JVM (Kafka's own test
 * kit from Maven Central), events sent with the real OpenLineage Java client's Kafka transport and
 * garbage with a plain producer, read by the server's intake into its journal and served over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaIntakeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SECRET = "s3cret-kafka-key-password";
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC);
  private static final URI PRODUCER = URI.create("https://example.org/kafka-it");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private final List<EmbeddedServer> servers = new ArrayList<>();
  private KafkaClusterTestKit kafka;
  private Admin admin;
  private KafkaProducer<String, String> producer;

  @BeforeAll
  void startBroker() throws Exception {
    kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(settings);
  }

  @AfterAll
  void stopBroker() throws Exception {
    for (EmbeddedServer server : servers) {
      if (server.isRunning()) {
        TestServer.stopWith(server, null);
      }
    }
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldJournalTransportEventsOnceSkipGarbageAndRefuseWhatTheTopicsProducerMayNotWrite()
      throws Exception {
    String topic = topic("ol-events", 2);
    EmbeddedServer server =
        start(
            dataDir("kafka-intake-it"),
            topic,
            "tessera-it",
            "tessera.lineage.kafka.producer",
            "kafka-lake",
            "tessera.lineage.kafka.namespaces",
            "s3://lake",
            "tessera.security.producers.unowned",
            "scoped",
            "tessera.lineage.kafka.properties.ssl.key.password",
            SECRET);
    UUID run = UUID.fromString("0196a0b0-0000-7000-8000-000000000001");
    OpenLineage.RunEvent complete =
        runEvent(OpenLineage.RunEvent.EventType.COMPLETE, run, "load_orders", "s3://lake", 5);

    try (OpenLineageClient client = transportClient(topic)) {
      client.emit(
          runEvent(OpenLineage.RunEvent.EventType.START, run, "load_orders", "s3://lake", 0));
      client.emit(complete);
      client.emit(complete); // the same event again: journaled once
    }
    send(topic, "this is { not JSON " + SECRET);
    send(topic, "{\"hello\":\"not an OpenLineage event\"}");
    send(topic, null);
    try (OpenLineageClient client = transportClient(topic)) {
      // claimed by no product and outside the producer's namespace, with unowned=scoped: refused
      client.emit(
          runEvent(
              OpenLineage.RunEvent.EventType.COMPLETE,
              UUID.fromString("0196a0b0-0000-7000-8000-000000000002"),
              "load_warehouse",
              "postgres://warehouse",
              7));
      client.emit(
          runEvent(
              OpenLineage.RunEvent.EventType.COMPLETE,
              UUID.fromString("0196a0b0-0000-7000-8000-000000000003"),
              "load_customers",
              "s3://lake",
              9));
    }

    JsonNode status =
        awaitStatus(
            server,
            s ->
                s.path("journaled").asLong() + s.path("duplicates").asLong() >= 4
                    && s.path("rejected").asLong() >= 4);
    assertThat(status.path("journaled").asLong()).isEqualTo(3);
    assertThat(status.path("duplicates").asLong()).isEqualTo(1);
    assertThat(status.path("rejected").asLong()).isEqualTo(4);
    assertThat(status.path("state").asText()).isEqualTo("consuming");
    assertThat(status.path("producer").asText()).isEqualTo("kafka-lake");
    assertThat(status.path("assigned").findValuesAsText("partition")).containsExactly("0", "1");
    assertThat(status.path("properties").toString()).contains("ssl.key.password");
    assertThat(status.toString()).doesNotContain(SECRET);
    List<String> reasons = status.path("recentRejections").findValuesAsText("reason");
    assertThat(reasons)
        .hasSize(4)
        .anyMatch(r -> r.startsWith("not an OpenLineage event"))
        .anyMatch(r -> r.contains("'kafka-lake' may not") && r.contains("postgres://warehouse"));
    assertThat(status.path("recentRejections").findValuesAsText("offset")).hasSize(4);

    // in the journal once each, posted by the topic's producer, and in the lineage graph
    awaitProjected(server);
    JsonNode events = get(server, "/api/v1/events/lineage?limit=1000", ADMIN).json();
    assertThat(events.path("totalCount").asLong()).isEqualTo(3);
    JsonNode lineage =
        get(
                server,
                "/api/v1/lineage?nodeId=" + encode("job:kafka-it:load_orders") + "&depth=1",
                ADMIN)
            .json();
    assertThat(lineage.path("graph").findValuesAsText("id"))
        .contains("job:kafka-it:load_orders", "dataset:s3://lake:load_orders.out")
        .doesNotContain("dataset:postgres://warehouse:load_warehouse.out");
    assertThat(
            get(
                    server,
                    "/api/v1/lineage?nodeId=" + encode("dataset:s3://lake:load_customers.out"),
                    ADMIN)
                .status())
        .isEqualTo(200);

    // every record is settled, so the group's committed offsets are the partitions' ends
    assertThat(committed("tessera-it", topic)).isEqualTo(ends(topic));

    // the status is for admins only: /health details and the admin endpoint
    assertThat(get(server, "/api/v1/admin/lineage/kafka", null).status()).isEqualTo(401);
    String reader = token(server, "{\"subject\":\"reader\",\"roles\":[\"consumer\"]}");
    String etl = token(server, "{\"subject\":\"etl\",\"roles\":[\"producer\"]}");
    assertThat(get(server, "/api/v1/admin/lineage/kafka", reader).status()).isEqualTo(403);
    assertThat(get(server, "/api/v1/admin/lineage/kafka", etl).status()).isEqualTo(403);
    for (String caller : new String[] {null, reader, etl}) {
      Reply health = get(server, "/health", caller);
      assertThat(health.body()).doesNotContain("lineageKafka").doesNotContain("kafka");
    }
    Reply health = get(server, "/health", ADMIN);
    JsonNode details = health.json().path("details").path("catalog-components").path("details");
    assertThat(details.path("lineageKafka").path("rejected").asLong()).isEqualTo(4);
    assertThat(details.path("lineageKafka").path("state").asText()).isEqualTo("consuming");
    assertThat(health.body()).doesNotContain(SECRET);
    String metrics = get(server, "/metrics", ADMIN).body();
    assertThat(metrics)
        .containsPattern("(?m)^tessera_lineage_kafka_records_total\\{outcome=\"rejected\"} 4\\.0")
        .containsPattern("(?m)^tessera_lineage_kafka_records_total\\{outcome=\"journaled\"} 3\\.0")
        .containsPattern("(?m)^tessera_lineage_kafka_consumed_total 8\\.0");
  }

  @Test
  void shouldLoseAndDoubleNothingWhenTheServerStopsMidStreamAndRestarts() throws Exception {
    String topic = topic("ol-restart", 2);
    Path data = dataDir("kafka-restart-it");
    int total = 150;
    // what pipelines sent before the catalog started (the transport's JSON, sent in bulk)
    for (int i = 0; i < total; i++) {
      producer.send(
          new ProducerRecord<>(
              topic,
              "job_" + i,
              json(
                  runEvent(
                      OpenLineage.RunEvent.EventType.COMPLETE,
                      new UUID(0x0196a0b000007000L, 0x8000000000001000L + i),
                      "job_" + i,
                      "s3://lake",
                      i))));
    }
    producer.flush();

    EmbeddedServer first = start(data, topic, "tessera-restart");
    awaitStatus(first, s -> s.path("journaled").asLong() > 0);
    TestServer.stopWith(first, null); // mid-stream, most likely with a batch in hand

    // sent while no server reads: some again (duplicates), some new
    try (OpenLineageClient client = transportClient(topic)) {
      for (int i = 0; i < 20; i++) {
        client.emit(
            runEvent(
                OpenLineage.RunEvent.EventType.COMPLETE,
                new UUID(0x0196a0b000007000L, 0x8000000000001000L + i),
                "job_" + i,
                "s3://lake",
                i));
      }
      client.emit(
          runEvent(
              OpenLineage.RunEvent.EventType.COMPLETE,
              new UUID(0x0196a0b000007000L, 0x8000000000002000L),
              "job_late",
              "s3://lake",
              1));
    }
    EmbeddedServer second = start(data, topic, "tessera-restart");
    awaitCommitted("tessera-restart", topic);

    JsonNode events = get(second, "/api/v1/events/lineage?limit=1000", ADMIN).json();
    assertThat(events.path("totalCount").asLong()).isEqualTo(total + 1);
    Set<String> runIds = new HashSet<>();
    for (JsonNode event : events.path("events")) {
      runIds.add(event.path("run").path("runId").asText());
    }
    assertThat(runIds).hasSize(total + 1);
    JsonNode status = status(second);
    assertThat(status.path("rejected").asLong()).isZero();
    assertThat(status.path("duplicates").asLong()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void shouldSplitPartitionsAcrossTheNodesOfOneGroup() throws Exception {
    String topic = topic("ol-split", 2);
    EmbeddedServer a = start(dataDir("kafka-split-a"), topic, "tessera-split");
    EmbeddedServer b = start(dataDir("kafka-split-b"), topic, "tessera-split");
    awaitStatus(a, s -> s.path("assigned").size() == 1);
    awaitStatus(b, s -> s.path("assigned").size() == 1);
    assertThat(
            status(a).path("assigned").get(0).path("partition").asInt()
                + status(b).path("assigned").get(0).path("partition").asInt())
        .isEqualTo(1);

    for (int i = 0; i < 20; i++) {
      OpenLineage.RunEvent event =
          runEvent(
              OpenLineage.RunEvent.EventType.COMPLETE,
              new UUID(0x0196a0b000007000L, 0x8000000000003000L + i),
              "split_" + i,
              "s3://lake",
              i);
      producer.send(new ProducerRecord<>(topic, i % 2, null, json(event))).get();
    }

    awaitCommitted("tessera-split", topic);
    JsonNode onA = get(a, "/api/v1/events/lineage?limit=1000", ADMIN).json();
    JsonNode onB = get(b, "/api/v1/events/lineage?limit=1000", ADMIN).json();
    assertThat(onA.path("totalCount").asLong()).isEqualTo(10);
    assertThat(onB.path("totalCount").asLong()).isEqualTo(10);
    Set<String> jobsOnA = jobs(onA);
    Set<String> jobsOnB = jobs(onB);
    assertThat(jobsOnA).doesNotContainAnyElementsOf(jobsOnB);
    Set<String> all = new HashSet<>(jobsOnA);
    all.addAll(jobsOnB);
    assertThat(all).hasSize(20).allMatch(n -> n.startsWith("split_"));
  }

  private static Set<String> jobs(JsonNode events) {
    Set<String> jobs = new HashSet<>();
    events.path("events").forEach(e -> jobs.add(e.path("job").path("name").asText()));
    return jobs;
  }

  @Test
  void shouldCommitNothingWhileTheDatabaseIsDownAndJournalEverythingOnceItIsBack()
      throws Exception {
    String topic = topic("ol-db-down", 1);
    Path pgData = dataDir("kafka-pg");
    EmbeddedPostgres postgres = postgres(pgData, 0);
    int port = postgres.getPort();
    EmbeddedServer server = null;
    try {
      server =
          start(
              dataDir("kafka-db-down"),
              topic,
              "tessera-db-down",
              "datasources.default.url",
              postgres.getJdbcUrl("postgres", "postgres"),
              "datasources.default.username",
              "postgres",
              "datasources.default.password",
              "postgres",
              "datasources.default.connection-timeout",
              "1000");
      try (OpenLineageClient client = transportClient(topic)) {
        client.emit(runAt("db_first", 0));
      }
      awaitCommitted("tessera-db-down", topic);
      Map<TopicPartition, Long> before = committed("tessera-db-down", topic);

      postgres.close(); // PostgreSQL goes away
      try (OpenLineageClient client = transportClient(topic)) {
        for (int i = 1; i <= 3; i++) {
          client.emit(runAt("db_" + i, i));
        }
      }
      JsonNode retrying = awaitStatus(server, s -> s.path("retries").asLong() >= 2);
      assertThat(retrying.path("lastError").asText()).contains("read again");
      assertThat(committed("tessera-db-down", topic)).isEqualTo(before);

      postgres = postgres(pgData, port); // back, same data
      awaitCommitted("tessera-db-down", topic);
      JsonNode events = get(server, "/api/v1/events/lineage?limit=1000", ADMIN).json();
      assertThat(events.path("totalCount").asLong()).isEqualTo(4);
      JsonNode status = status(server);
      assertThat(status.path("journaled").asLong() + status.path("duplicates").asLong())
          .isGreaterThanOrEqualTo(4);
      assertThat(status.path("rejected").asLong()).isZero();
      assertThat(status.path("state").asText()).isEqualTo("consuming");
    } finally {
      TestServer.stopWith(server, postgres);
    }
  }

  private OpenLineage.RunEvent runAt(String job, int minute) {
    return runEvent(
        OpenLineage.RunEvent.EventType.COMPLETE,
        new UUID(0x0196a0b000007000L, 0x8000000000004000L + minute),
        job,
        "s3://lake",
        minute);
  }

  private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  // ------------------------------------------------------------------ helpers

  private EmbeddedServer start(Path data, String topic, String group, String... more) {
    List<String> settings =
        new ArrayList<>(
            List.of(
                "tessera.lineage.kafka.bootstrap-servers",
                kafka.bootstrapServers(),
                "tessera.lineage.kafka.topic",
                topic,
                "tessera.lineage.kafka.group-id",
                group,
                "tessera.lineage.kafka.max-backoff",
                "PT2S"));
    settings.addAll(List.of(more));
    Map<String, Object> properties =
        new HashMap<>(TestServer.properties("kafka-it", settings.toArray(String[]::new)));
    properties.put("tessera.data-dir", data.toString());
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    servers.add(server);
    return server;
  }

  private static Path dataDir(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  private String topic(String prefix, int partitions) throws Exception {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    return name;
  }

  /** The real OpenLineage client with its Kafka transport, as a pipeline configures it. */
  private OpenLineageClient transportClient(String topic) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.bootstrapServers());
    properties.put("key.serializer", StringSerializer.class.getName());
    properties.put("value.serializer", StringSerializer.class.getName());
    properties.put("acks", "all");
    KafkaConfig config = new KafkaConfig(topic, null, properties);
    return OpenLineageClient.builder().transport(new KafkaTransport(config)).build();
  }

  private void send(String topic, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, value)).get();
  }

  private OpenLineage.RunEvent runEvent(
      OpenLineage.RunEvent.EventType type, UUID run, String job, String namespace, int minute) {
    return ol.newRunEventBuilder()
        .eventType(type)
        .eventTime(T0.plusMinutes(minute))
        .run(ol.newRunBuilder().runId(run).build())
        .job(ol.newJobBuilder().namespace("kafka-it").name(job).build())
        .inputs(List.of())
        .outputs(
            List.of(ol.newOutputDatasetBuilder().namespace(namespace).name(job + ".out").build()))
        .build();
  }

  private static String json(OpenLineage.RunEvent event) {
    return io.openlineage.client.OpenLineageClientUtils.toJson(event);
  }

  private Map<TopicPartition, Long> committed(String group, String topic) throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e :
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
      if (e.getKey().topic().equals(topic) && e.getValue() != null) {
        offsets.put(e.getKey(), e.getValue().offset());
      }
    }
    return offsets;
  }

  /** The end offsets of the topic's partitions that hold records. */
  private Map<TopicPartition, Long> ends(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0;
        p
            < admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
        p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get()
        .forEach(
            (tp, info) -> {
              if (info.offset() > 0) { // an empty partition has nothing to commit
                ends.put(tp, info.offset());
              }
            });
    return ends;
  }

  /** Waits until the group has committed every partition up to its end. */
  private void awaitCommitted(String group, String topic) throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    Map<TopicPartition, Long> ends = ends(topic);
    while (!committed(group, topic).equals(ends)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "group " + group + " committed " + committed(group, topic) + ", ends are " + ends);
      }
      Thread.sleep(200);
    }
  }

  private JsonNode status(EmbeddedServer server) {
    Reply reply = get(server, "/api/v1/admin/lineage/kafka", ADMIN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode awaitStatus(EmbeddedServer server, Predicate<JsonNode> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    JsonNode status = status(server);
    while (!done.test(status)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the Kafka intake did not get there: " + status);
      }
      Thread.sleep(200);
      status = status(server);
    }
    return status;
  }

  private static void awaitProjected(EmbeddedServer server) throws InterruptedException {
    LineageProjection projection = server.getApplicationContext().getBean(LineageProjection.class);
    assertThat(projection.awaitProjected(projection.status().journal(), DEADLINE)).isTrue();
  }

  private String token(EmbeddedServer server, String request) {
    Reply reply = send(server, "POST", "/api/v1/tokens", ADMIN, request);
    assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    return reply.json().path("secret").asText();
  }

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  private Reply get(EmbeddedServer server, String path, String token) {
    return send(server, "GET", path, token, null);
  }

  private Reply send(EmbeddedServer server, String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
