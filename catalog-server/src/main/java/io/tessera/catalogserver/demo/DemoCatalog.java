package io.tessera.catalogserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.ingest.LineageIngestService;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ProductSummary;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo mesh into an empty catalog at start-up when {@code tessera.demo} is on: the domain
 * and product descriptors, then OpenLineage runs through the real ingestion path (journal and
 * projection) for the ports listed in {@code observed.yaml}, which turns those products physical,
 * plus a failed run and a breaking schema change. A catalog that already has domains is left alone.
 */
@Singleton
public class DemoCatalog implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
  private static final Principal ACTOR =
      new Principal("demo", Set.of(Role.ADMIN), Set.of(), Map.of());

  private final TesseraConfig config;
  private final DescriptorParser parser;
  private final DomainRepository domains;
  private final ProductRepository products;
  private final LineageIngestService ingest;
  private final LineageProjection projection;
  private final DemoExchange exchange;
  private final DemoHistory history;

  public DemoCatalog(
      TesseraConfig config,
      DescriptorParser parser,
      DomainRepository domains,
      ProductRepository products,
      LineageIngestService ingest,
      LineageProjection projection,
      DemoHistory history,
      DemoExchange exchange) {
    this.exchange = exchange;
    this.config = config;
    this.parser = parser;
    this.domains = domains;
    this.products = products;
    this.ingest = ingest;
    this.projection = projection;
    this.history = history;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (config.demo() && domains.list().isEmpty()) {
      load();
    }
  }

  /** Applies the demo descriptors, then sends the demo's OpenLineage runs through the journal. */
  public void load() {
    List<JsonNode> documents = new ArrayList<>();
    for (String file :
        resource("catalog.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      documents.addAll(parser.parse(resource(file).getBytes(StandardCharsets.UTF_8), false));
    }
    ApplyReport report = history.apply(documents, ACTOR);
    JsonNode observed =
        parser.parse(resource("observed.yaml").getBytes(StandardCharsets.UTF_8), false).getFirst();
    List<DemoLineage.Observation> observations = new ArrayList<>();
    Map<DatasetRef, List<FieldDef>> schemas = new HashMap<>();
    for (ProductSummary summary : allProducts()) {
      Product product = products.find(summary.domain(), summary.name()).orElseThrow();
      product.outputPorts().stream()
          .filter(p -> p.dataset() != null)
          .forEach(p -> schemas.put(p.dataset(), p.schema()));
    }
    Map<String, List<DemoLineage.Derivation>> derivations = derivations(observed);
    for (JsonNode entry : observed.path("observed")) {
      Product product =
          products
              .find(entry.path("domain").asText(), entry.path("product").asText())
              .orElseThrow();
      Port port = port(product, entry.path("port").asText());
      observations.add(
          new DemoLineage.Observation(
              product,
              port,
              Instant.parse(entry.path("observedAt").asText()),
              entry.path("evidence").asText().replace("urn:uuid:", ""),
              derivations.getOrDefault(
                  product.domain() + "/" + product.name() + "/" + port.name(), List.of())));
    }
    long last = 0;
    for (String event : new DemoLineage().events(observations, schemas)) {
      last = ingest.accept(event.getBytes(StandardCharsets.UTF_8)).id();
    }
    try {
      if (!projection.awaitProjected(last, Duration.ofMinutes(2))) {
        LOG.warn("demo lineage is still being projected");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.load(resource("exchange.yaml").getBytes(StandardCharsets.UTF_8));
    LOG.info(
        "demo catalog loaded: {} documents, {} ports observed through OpenLineage runs",
        report.results().size(),
        observations.size());
  }

  /**
   * The column derivations of {@code observed.yaml}, by output port ({@code domain/product/port}).
   */
  private Map<String, List<DemoLineage.Derivation>> derivations(JsonNode observed) {
    Map<String, List<DemoLineage.Derivation>> byPort = new HashMap<>();
    for (JsonNode entry : observed.path("derivations")) {
      List<DemoLineage.Derivation> list =
          byPort.computeIfAbsent(entry.path("output").asText(), k -> new ArrayList<>());
      entry
          .path("columns")
          .properties()
          .forEach(
              column -> {
                String[] from = column.getValue().path("from").asText().split("/", 3);
                Product source = products.find(from[0], from[1]).orElseThrow();
                List<String> inputs = new ArrayList<>();
                column.getValue().path("columns").forEach(c -> inputs.add(c.asText()));
                list.add(
                    new DemoLineage.Derivation(
                        column.getKey(), port(source, from[2]).dataset(), inputs));
              });
    }
    return byPort;
  }

  private static Port port(Product product, String name) {
    return product.outputPorts().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private List<ProductSummary> allProducts() {
    List<ProductSummary> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<ProductSummary> page = products.list(new ProductFilter(null, null, null, after, 500));
      all.addAll(page);
      if (page.size() < 500) {
        return all;
      }
      after = page.getLast().domain() + "/" + page.getLast().name();
    }
  }

  private static String resource(String name) {
    try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
