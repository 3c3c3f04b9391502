package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} of a demo domain written back as files that re-apply as {@code unchanged}, and the
 * {@code get} views.
 */
@ExtendWith(SharedServer.class)
class ExportIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static URI server;

  @TempDir Path work;

  @BeforeAll
  static void server(URI url) {
    server = url;
  }

  @Test
  void shouldExportDemoDomainAsFilesThatReapplyUnchanged() throws Exception {
    Tessera tessera = Tessera.against(server, SharedServer.ADMIN_TOKEN, work);

    Tessera.Run export = tessera.run("export", "--domain", "finance", "-d", "out");
    Tessera.Run reapply = tessera.run("apply", "-f", "out");

    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.err()).contains("exporting finance/invoices (");
    Path domainFile = work.resolve("out/finance/domain.yaml");
    assertThat(domainFile).isRegularFile();
    JsonNode domain = new YAMLMapper().readTree(domainFile.toFile());
    assertThat(domain.path("kind").asText()).isEqualTo("Domain");
    assertThat(domain.path("metadata").path("name").asText()).isEqualTo("finance");
    try (Stream<Path> products = Files.list(work.resolve("out/finance/products"))) {
      assertThat(products.map(p -> p.getFileName().toString()))
          .contains("invoices.yaml", "payments.yaml")
          .allMatch(n -> n.endsWith(".yaml"));
    }
    assertThat(reapply.exitCode()).as(reapply.toString()).isZero();
    assertThat(reapply.lines())
        .hasSizeGreaterThan(3)
        .allMatch(l -> l.startsWith("unchanged "), "every document unchanged");
  }

  @Test
  void shouldWarnAboutFilesOfAnEarlierExportThatNoProductMatches() throws Exception {
    Tessera tessera = Tessera.against(server, SharedServer.ADMIN_TOKEN, work);
    Path ghost = work.resolve("out/logistics/products/ghost.yaml");
    Files.createDirectories(ghost.getParent());
    Files.writeString(ghost, "kind: DataProduct\n");

    Tessera.Run export = tessera.run("export", "--domain", "logistics", "-d", "out");

    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.err())
        .contains("warning: out/logistics/products/ghost.yaml was not written by this export");
  }

  @Test
  void shouldShowDomainsProductsAndOneProductAsTheApiDoes() throws Exception {
    Tessera tessera = Tessera.against(server, SharedServer.ADMIN_TOKEN, work);

    Tessera.Run domains = tessera.run("get", "domains");
    Tessera.Run products = tessera.run("get", "products", "-d", "sales", "-o", "json");
    Tessera.Run product = tessera.run("get", "product", "sales/orders", "-o", "json");
    Tessera.Run yaml = tessera.run("get", "product", "sales/orders");
    Tessera.Run missing = tessera.run("get", "product", "sales/no-such-product");

    assertThat(domains.exitCode()).as(domains.toString()).isZero();
    assertThat(domains.lines().get(0)).startsWith("NAME").contains("PARENT", "TITLE", "OWNER");
    assertThat(domains.out()).contains("sales", "finance", "logistics");
    JsonNode list = JSON.readTree(products.out());
    assertThat(list.isArray()).isTrue();
    assertThat(list.findValuesAsText("domain")).containsOnly("sales");
    assertThat(list.findValuesAsText("name")).contains("orders");
    assertThat(JSON.readTree(product.out()).path("state").asText()).isEqualTo("physical");
    assertThat(new YAMLMapper().readTree(yaml.out()).path("name").asText()).isEqualTo("orders");
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).contains("404");
  }
}
