package io.tessera.catalogserver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.micronaut.json.JsonMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.tessera.catalogserver.api.DomainReads;
import io.tessera.catalogserver.api.ProductReads;
import io.tessera.catalogserver.api.RevisionView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resources an agent can read and cite, all through the caller's scope, listed as templates (a list
 * of concrete resources would name products to callers who may not see them):
 *
 * <ul>
 *   <li>{@code tessera://products/{domain}/{name}}: the product's descriptor (YAML) at its latest
 *       revision; only a comment for a caller who may discover but not read it
 *   <li>{@code tessera://products/{domain}/{name}/dprod.ttl}: the product's RDF (DPROD) as Turtle,
 *       as {@code GET /api/v1/products/{d}/{n}} with {@code Accept: text/turtle} gives it
 *   <li>{@code tessera://domains/{name}}: a domain with the products the caller may see (JSON)
 * </ul>
 *
 * A product or domain the caller may not discover is read exactly like a missing one: a JSON-RPC
 * error {@code -32002} with the message {@code no data product d/n}.
 */
@Singleton
class CatalogResources {
  static final String PRODUCT = "tessera://products/{domain}/{name}";
  static final String PRODUCT_DPROD = "tessera://products/{domain}/{name}/dprod.ttl";
  static final String DOMAIN = "tessera://domains/{name}";

  private static final Pattern PRODUCT_URI =
      Pattern.compile("tessera://products/([^/]+)/([^/]+)(/dprod\\.ttl)?");
  private static final Pattern DOMAIN_URI = Pattern.compile("tessera://domains/([^/]+)");
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  private final ProductReads products;
  private final DomainReads domains;
  private final CatalogTools catalog;
  private final ToolCalls calls;
  private final JsonMapper json;

  CatalogResources(
      ProductReads products,
      DomainReads domains,
      CatalogTools catalog,
      ToolCalls calls,
      JsonMapper json) {
    this.products = products;
    this.domains = domains;
    this.catalog = catalog;
    this.calls = calls;
    this.json = json;
  }

  List<SyncResourceTemplateSpecification> templates() {
    return List.of(
        template(
            PRODUCT,
            "product-descriptor",
            "A data product's descriptor (YAML, latest revision)",
            "application/yaml",
            this::descriptor),
        template(
            PRODUCT_DPROD,
            "product-dprod",
            "A data product as DPROD RDF (Turtle)",
            "text/turtle",
            this::dprod),
        template(
            DOMAIN,
            "domain",
            "A domain and the data products in it (JSON)",
            "application/json",
            this::domain));
  }

  private SyncResourceTemplateSpecification template(
      String uriTemplate,
      String name,
      String description,
      String mimeType,
      BiFunction<McpCaller, String, Read> reader) {
    McpSchema.ResourceTemplate template =
        McpSchema.ResourceTemplate.builder()
            .uriTemplate(uriTemplate)
            .name(name)
            .title(description)
            .description(description)
            .mimeType(mimeType)
            .build();
    return new SyncResourceTemplateSpecification(
        template, (context, request) -> read(name, mimeType, reader, context, request));
  }

  /** A resource's text, with the product it concerns and whether it had anything to show. */
  private record Read(String text, String entity) {}

  private ReadResourceResult read(
      String name,
      String mimeType,
      BiFunction<McpCaller, String, Read> reader,
      McpTransportContext context,
      ReadResourceRequest request) {
    McpCaller caller = McpCaller.of(context);
    String uri = request.uri();
    try {
      Read read = reader.apply(caller, uri);
      calls.record(caller, "resource:" + name, read.entity(), "ok", uri.length(), 1, null);
      return new ReadResourceResult(List.of(new TextResourceContents(uri, mimeType, read.text())));
    } catch (RuntimeException e) {
      ToolCalls.Failure failure = ToolCalls.failure(e);
      calls.record(
          caller, "resource:" + name, null, failure.outcome(), uri.length(), 0, failure.message());
      int code =
          "not-found".equals(failure.outcome())
              ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND
              : McpSchema.ErrorCodes.INVALID_PARAMS;
      throw McpError.builder(code).message(failure.message()).build();
    }
  }

  private Read descriptor(McpCaller caller, String uri) {
    String[] key = productKey(uri);
    List<RevisionView> history = products.revisions(key[0], key[1], caller.scope());
    RevisionView latest = history.getLast();
    String product = key[0] + "/" + key[1];
    if (latest.descriptor() == null) {
      return new Read(
          "# the descriptor of "
              + product
              + " is not shown: you may discover this product but not read it;"
              + " request_access asks its owners\n",
          product);
    }
    try {
      return new Read(
          "# "
              + product
              + ", revision "
              + latest.revision()
              + "\n"
              + YAML.writeValueAsString(latest.descriptor()),
          product);
    } catch (IOException e) {
      throw new IllegalStateException("could not write the descriptor as YAML", e);
    }
  }

  private Read dprod(McpCaller caller, String uri) {
    String[] key = productKey(uri);
    return new Read(products.turtle(key[0], key[1], caller.scope()), key[0] + "/" + key[1]);
  }

  private Read domain(McpCaller caller, String uri) {
    Matcher m = DOMAIN_URI.matcher(uri);
    if (!m.matches()) {
      throw new ToolArgumentException("a domain's URI is tessera://domains/{name}");
    }
    var found = domains.find(m.group(1), caller.scope());
    try {
      return new Read(
          json.writeValueAsString(catalog.withProducts(found, 100, caller.scope())), null);
    } catch (IOException e) {
      throw new IllegalStateException("could not write the domain as JSON", e);
    }
  }

  private static String[] productKey(String uri) {
    Matcher m = PRODUCT_URI.matcher(uri);
    if (!m.matches()) {
      throw new ToolArgumentException(
          "a product's URI is tessera://products/{domain}/{name}[/dprod.ttl]");
    }
    String domain = m.group(1);
    String name = m.group(2);
    ProductReads.checkNames(domain, name);
    return new String[] {domain, name};
  }
}
