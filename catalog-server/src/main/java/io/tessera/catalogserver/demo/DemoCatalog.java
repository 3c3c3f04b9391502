package io.tessera.catalogserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.descriptor.ApplyReport;
import io.tessera.catalogserver.descriptor.ApplyService;
import io.tessera.catalogserver.descriptor.DescriptorParser;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo mesh (domains, planned and physical products) into an empty catalog at start-up
 * when {@code tessera.demo} is on. A catalog that already has domains is left alone.
 */
@Singleton
public class DemoCatalog implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
  private static final String ACTOR = "demo";

  private final TesseraConfig config;
  private final DescriptorParser parser;
  private final ApplyService apply;
  private final DomainRepository domains;
  private final ProductRepository products;
  private final GraphStore store;

  public DemoCatalog(
      TesseraConfig config,
      DescriptorParser parser,
      ApplyService apply,
      DomainRepository domains,
      ProductRepository products,
      GraphStore store) {
    this.config = config;
    this.parser = parser;
    this.apply = apply;
    this.domains = domains;
    this.products = products;
    this.store = store;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (config.demo() && domains.list().isEmpty()) {
      load();
    }
  }

  /** Applies the demo descriptors and binds the observed ports. */
  public void load() {
    List<JsonNode> documents = new ArrayList<>();
    for (String file :
        resource("catalog.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      documents.addAll(parser.parse(resource(file).getBytes(StandardCharsets.UTF_8), false));
    }
    ApplyReport report = apply.apply(documents, false, null, ACTOR);
    JsonNode observed =
        parser.parse(resource("observed.yaml").getBytes(StandardCharsets.UTF_8), false).getFirst();
    store.write(
        w -> {
          for (JsonNode entry : observed.path("observed")) {
            String domain = entry.path("domain").asText();
            String name = entry.path("product").asText();
            String port = entry.path("port").asText();
            Product product = products.find(w, domain, name).orElseThrow();
            DatasetRef dataset =
                product.outputPorts().stream()
                    .filter(p -> p.name().equals(port))
                    .findFirst()
                    .orElseThrow()
                    .dataset();
            products.bind(
                w,
                new ProductRepository.PortKey(domain, name, port),
                new PortBinding(
                    dataset,
                    Instant.parse(entry.path("observedAt").asText()),
                    entry.path("evidence").asText()));
          }
        });
    LOG.info(
        "demo catalog loaded: {} documents, {} ports observed",
        report.results().size(),
        observed.path("observed").size());
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
