package io.tessera.catalogserver.mcp;

import static io.tessera.catalogserver.mcp.ToolCalls.bool;
import static io.tessera.catalogserver.mcp.ToolCalls.integer;
import static io.tessera.catalogserver.mcp.ToolCalls.properties;
import static io.tessera.catalogserver.mcp.ToolCalls.string;
import static io.tessera.catalogserver.mcp.ToolCalls.strings;

import io.micronaut.serde.annotation.Serdeable;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.tessera.catalogserver.api.AsOf;
import io.tessera.catalogserver.api.DomainReads;
import io.tessera.catalogserver.api.Page;
import io.tessera.catalogserver.api.ProductReads;
import io.tessera.catalogserver.api.ProductView;
import io.tessera.catalogserver.api.SearchReads;
import io.tessera.catalogserver.api.SearchView;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Explanation;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.graphstore.Domain;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's read tools: {@code search_catalog}, {@code get_product}, {@code list_domains} and
 * {@code explain_access}. Each goes through the services the REST API uses, with the caller's
 * scope: what the caller may not discover answers exactly like what does not exist.
 */
@Singleton
class CatalogTools {
  private static final String PRODUCT_ARG =
      "the data product as domain/name, e.g. sales/orders (from search_catalog or list_domains)";

  private final ToolCalls calls;
  private final SearchReads search;
  private final ProductReads products;
  private final DomainReads domains;
  private final PolicyEvaluator evaluator;
  private final McpConfig config;

  CatalogTools(
      ToolCalls calls,
      SearchReads search,
      ProductReads products,
      DomainReads domains,
      PolicyEvaluator evaluator,
      McpConfig config) {
    this.calls = calls;
    this.search = search;
    this.products = products;
    this.domains = domains;
    this.evaluator = evaluator;
    this.config = config;
  }

  List<SyncToolSpecification> tools() {
    return List.of(searchCatalog(), getProduct(), listDomains(), explainAccess());
  }

  private SyncToolSpecification searchCatalog() {
    return calls.tool(
        "search_catalog",
        "Search the catalog",
        "Full-text search over the data catalog: domains, data products, output ports, datasets,"
            + " columns, jobs and glossary terms, ranked, with highlights and facet counts (type,"
            + " domain, state, lifecycle, classification, tag, owner, platform) to narrow the"
            + " search."
            + " Only what the caller may see is found. A product hit's qualifiedName (domain/name) is"
            + " what get_product takes. Page with 'cursor' (the previous answer's nextCursor).",
        properties(
            "query",
            string(
                "words to look for; \"a phrase\" in quotes, prefix* for a prefix; empty lists"
                    + " everything",
                500),
            "types",
            strings(
                "only these entity types: product, domain, port, dataset, column, job, term", 7),
            "domain",
            strings("only entities of these domains (names)", 20),
            "state",
            strings("only what is planned (no promised dataset produced yet) or physical", 2),
            "lifecycle",
            strings(
                "only products with these declared lifecycle statuses (ideation, design, build,"
                    + " deploy, consume, deprecated, retired)",
                10),
            "classification",
            strings("only entities with these classifications, e.g. pii", 20),
            "tag",
            strings("only entities with these tags", 20),
            "owner",
            strings("only entities with these owners, e.g. mailto:sales-data@example.com", 20),
            "platform",
            strings("only entities whose data lives on these platforms, e.g. postgres, kafka", 20),
            "limit",
            integer("hits per page", 1, 50, 10),
            "cursor",
            string("nextCursor of the previous page", 1000),
            "semantic",
            bool(
                "also find entities whose descriptions are close in meaning to the query without"
                    + " sharing its words (hits found so say matchedByMeaning); false: words only",
                true)),
        List.of(),
        true,
        (caller, args) -> {
          SearchView view =
              search.search(
                  args.string("query", false, 500),
                  args.strings("types", 7, 32),
                  args.strings("domain", 20, 128),
                  args.strings("state", 2, 16),
                  args.strings("lifecycle", 10, 32),
                  args.strings("classification", 20, 128),
                  args.strings("tag", 20, 128),
                  args.strings("owner", 20, 512),
                  args.strings("platform", 20, 64),
                  null,
                  args.string("cursor", false, 1000),
                  Math.min(args.integer("limit", 1, 50, 10), config.maxResults()),
                  null,
                  true,
                  args.bool("semantic", true),
                  caller.scope());
          return new ToolCalls.Outcome(view, view.hits().size(), null);
        });
  }

  private SyncToolSpecification getProduct() {
    return calls.tool(
        "get_product",
        "Get a data product",
        "One data product: title, description, owner, declared lifecycle, observed state"
            + " (planned: no output port bound to a real dataset yet; physical: at least one is),"
            + " classifications, tags, and its output and input ports with their datasets"
            + " (OpenLineage namespace and name, usable as get_lineage's node"
            + " dataset:{namespace}:{name}), schemas and bindings. A product the caller may"
            + " discover but not read comes without datasets, schemas and bindings; one it may not"
            + " discover is reported as not existing. With 'asOf', the product as it was then:"
            + " the descriptor revision in force, its state and bindings then.",
        properties("product", string(PRODUCT_ARG, 300), "asOf", string(LineageTools.AS_OF, 40)),
        List.of("product"),
        true,
        (caller, args) -> {
          String[] key = args.product("product");
          AsOf asOf = AsOf.parse(args.string("asOf", false, 40));
          if (asOf != null) {
            return new ToolCalls.Outcome(
                products.view(key[0], key[1], asOf, caller.scope()), 1, key[0] + "/" + key[1]);
          }
          ProductView view = products.view(key[0], key[1], caller.scope());
          return new ToolCalls.Outcome(view, 1, key[0] + "/" + key[1]);
        });
  }

  /** A domain with (a page of) the products the caller may discover in it. */
  @Serdeable
  record DomainWithProducts(
      String name,
      String title,
      String description,
      String owner,
      String parent,
      List<ProductView.Summary> products,
      String moreProductsCursor) {}

  private SyncToolSpecification listDomains() {
    return calls.tool(
        "list_domains",
        "List domains and their products",
        "The mesh's domains (name, title, description, owner, parent domain) with the data"
            + " products of each that the caller may see (name, title, lifecycle, state). For a"
            + " domain with more products than 'productsPerDomain', use search_catalog with its"
            + " name as 'domain'.",
        properties(
            "domain",
            string("only this domain (its name)", 128),
            "productsPerDomain",
            integer("the most products listed per domain", 0, 100, 25)),
        List.of(),
        true,
        (caller, args) -> {
          String only = args.string("domain", false, 128);
          int perDomain = args.integer("productsPerDomain", 0, 100, 25);
          List<Domain> found =
              only == null
                  ? domains.list(caller.scope())
                  : List.of(domains.find(only, caller.scope()));
          List<DomainWithProducts> out = new ArrayList<>();
          int count = 0;
          for (Domain d : found.stream().limit(config.maxResults()).toList()) {
            out.add(withProducts(d, perDomain, caller.scope()));
            count += 1 + out.getLast().products().size();
          }
          return new ToolCalls.Outcome(out, count, null);
        });
  }

  DomainWithProducts withProducts(Domain d, int perDomain, AccessScope scope) {
    Page<ProductView.Summary> page =
        perDomain == 0
            ? new Page<>(List.of(), null)
            : products.list(d.name(), null, null, perDomain, scope);
    return new DomainWithProducts(
        d.name(),
        d.title(),
        d.description(),
        d.owner(),
        d.parent(),
        page.items(),
        page.nextCursor());
  }

  /** Why the caller may or may not read a product, and what to do about it. */
  @Serdeable
  record AccessExplanation(Explanation explanation, String summary, String next) {}

  private SyncToolSpecification explainAccess() {
    return calls.tool(
        "explain_access",
        "Explain my access to a product",
        "Why the caller may or may not discover and read a data product: the deciding policy,"
            + " rule and constraint (e.g. region isAnyOf [eu]) or usage agreement, and how to get"
            + " access (request_access). A product the caller may not discover is reported exactly"
            + " like one that does not exist.",
        properties("product", string(PRODUCT_ARG, 300)),
        List.of("product"),
        true,
        (caller, args) -> {
          String[] key = args.product("product");
          products.checkVisible(key[0], key[1], caller.scope());
          String product = key[0] + "/" + key[1];
          if (!evaluator.knows(product)) {
            throw ProductReads.notFound(key[0], key[1]);
          }
          Explanation e = evaluator.explain(caller.principal(), key[0], key[1]);
          boolean reads = products.readable(key[0], key[1], caller.scope());
          String summary =
              reads
                  ? "you may discover and read " + product
                  : "you may discover "
                      + product
                      + " but not read its details: "
                      + e.read().reason();
          String next =
              reads
                  ? "get_product shows its ports and schemas; get_lineage its lineage"
                  : "request_access asks its owners for a usage agreement (purpose and duration)";
          return new ToolCalls.Outcome(new AccessExplanation(e, summary, next), 1, product);
        });
  }
}
