package io.tessera.searchindex.document;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entries of one data product: the product, each output port and each promised column. All
 * share the product as root, its domain, owner and tags, and its named graphs. The product has two
 * entries: the full one (with its column names, port and dataset words and platforms) for callers
 * who may read it, and a redacted one without them for callers who may only discover it.
 */
final class ProductEntries {
  private final IriMinter iris;

  ProductEntries(IriMinter iris) {
    this.iris = iris;
  }

  List<IndexEntry> of(Product p) {
    String productIri = iris.product(p.domain(), p.name());
    Set<String> graphs = graphs(p);
    List<IndexEntry> entries = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    List<String> keywords = new ArrayList<>(p.tags());
    keywords.addAll(p.classification());
    Set<String> platforms = new LinkedHashSet<>();
    for (Port port : p.outputPorts()) {
      port.schema().forEach(f -> columns.add(f.name()));
      keywords.add(port.name());
      if (port.dataset() != null) {
        keywords.add(port.dataset().name());
        platforms.add(Platforms.of(port.dataset().namespace()));
      }
    }
    Map<FacetDimension, List<String>> facets = shared(p);
    facets.put(FacetDimension.LIFECYCLE, List.of(p.lifecycle().slug()));
    facets.put(FacetDimension.STATE, List.of(state(p.physical())));
    facets.put(FacetDimension.CLASSIFICATION, p.classification());
    facets.put(FacetDimension.PLATFORM, nonNull(platforms));
    if (p.health() != null) {
      facets.put(FacetDimension.HEALTH, List.of(p.health()));
    }
    IndexEntry product =
        new IndexEntry(
            productIri,
            productIri,
            EntityType.DATA_PRODUCT,
            EntityType.DATA_PRODUCT,
            p.title(),
            p.name(),
            List.of(p.domain() + "/" + p.name()),
            List.of(),
            nonNull(List.of(nz(p.description()), nz(p.purpose()))),
            columns,
            keywords,
            p.domain(),
            facets,
            graphs,
            Set.of());
    entries.add(product.detailed());
    entries.add(product.redacted(product.descriptions(), summaryKeywords(p), summaryFacets(p)));
    for (Port port : p.outputPorts()) {
      entries.addAll(port(p, productIri, port, graphs));
    }
    return entries;
  }

  /** What a reader who may not read the product may still match: its tags and classifications. */
  private static List<String> summaryKeywords(Product p) {
    List<String> keywords = new ArrayList<>(p.tags());
    keywords.addAll(p.classification());
    return keywords;
  }

  /**
   * Facet values that show nothing of its ports: no platform; the declared lifecycle and whether it
   * is planned or physical, which the product API shows every caller who may discover it.
   */
  private static Map<FacetDimension, List<String>> summaryFacets(Product p) {
    Map<FacetDimension, List<String>> facets = shared(p);
    facets.put(FacetDimension.LIFECYCLE, List.of(p.lifecycle().slug()));
    facets.put(FacetDimension.STATE, List.of(state(p.physical())));
    facets.put(FacetDimension.CLASSIFICATION, p.classification());
    return facets;
  }

  /** The product's declared graph, and its observed graph when it has one. */
  Set<String> graphs(Product p) {
    Set<String> graphs = new LinkedHashSet<>();
    graphs.add(iris.productGraph(p.domain(), p.name()));
    boolean observed =
        p.physical()
            || p.health() != null
            || p.outputPorts().stream().anyMatch(port -> port.binding() != null);
    if (observed) {
      graphs.add(iris.observedGraph(p.domain(), p.name()));
    }
    return graphs;
  }

  private List<IndexEntry> port(Product p, String productIri, Port port, Set<String> graphs) {
    String portIri = iris.port(p.domain(), p.name(), port.name());
    String state = state(port.binding() != null);
    String platform = port.dataset() == null ? null : Platforms.of(port.dataset().namespace());
    Set<String> classification = new LinkedHashSet<>(p.classification());
    port.schema().forEach(f -> classification.addAll(f.classification()));
    List<String> keywords = new ArrayList<>(List.of(port.type().slug()));
    if (port.dataset() != null) {
      keywords.add(port.dataset().name());
    }
    if (port.contract() != null) {
      keywords.add(port.contract());
    }
    Map<FacetDimension, List<String>> facets = shared(p);
    facets.put(FacetDimension.LIFECYCLE, List.of(p.lifecycle().slug()));
    facets.put(FacetDimension.STATE, List.of(state));
    facets.put(FacetDimension.CLASSIFICATION, List.copyOf(classification));
    facets.put(FacetDimension.PLATFORM, platform == null ? List.of() : List.of(platform));
    List<IndexEntry> entries = new ArrayList<>();
    entries.add(
        new IndexEntry(
            portIri,
            productIri,
            EntityType.DATA_PRODUCT,
            EntityType.PORT,
            port.name(),
            port.name(),
            List.of(p.domain() + "/" + p.name() + "/" + port.name()),
            List.of(),
            nonNull(List.of(nz(port.description()))),
            port.schema().stream().map(FieldDef::name).toList(),
            keywords,
            p.title(),
            facets,
            graphs,
            Set.of()));
    for (FieldDef field : port.schema()) {
      Map<FacetDimension, List<String>> columnFacets = shared(p);
      columnFacets.put(FacetDimension.LIFECYCLE, List.of(p.lifecycle().slug()));
      columnFacets.put(FacetDimension.STATE, List.of(state));
      columnFacets.put(FacetDimension.CLASSIFICATION, field.classification());
      columnFacets.put(FacetDimension.PLATFORM, platform == null ? List.of() : List.of(platform));
      entries.add(column(p, productIri, port, field, columnFacets, graphs));
    }
    return entries;
  }

  private IndexEntry column(
      Product p,
      String productIri,
      Port port,
      FieldDef field,
      Map<FacetDimension, List<String>> facets,
      Set<String> graphs) {
    String portIri = iris.port(p.domain(), p.name(), port.name());
    List<String> qualified = new ArrayList<>();
    DatasetRef dataset = port.dataset();
    if (dataset != null) {
      qualified.add(dataset.name() + "." + field.name());
    }
    qualified.add(p.domain() + "/" + p.name() + "/" + port.name() + "/" + field.name());
    List<String> keywords = new ArrayList<>(field.classification());
    keywords.add(nz(field.type()));
    return new IndexEntry(
        iris.field(iris.schema(portIri), field.name()),
        productIri,
        EntityType.DATA_PRODUCT,
        EntityType.COLUMN,
        field.name(),
        field.name(),
        qualified,
        List.of(),
        nonNull(List.of(nz(field.description()))),
        List.of(),
        keywords,
        p.title() + " › " + port.name(),
        facets,
        graphs,
        Set.of());
  }

  private static Map<FacetDimension, List<String>> shared(Product p) {
    Map<FacetDimension, List<String>> facets = new EnumMap<>(FacetDimension.class);
    facets.put(FacetDimension.DOMAIN, List.of(p.domain()));
    facets.put(FacetDimension.OWNER, List.of(p.owner()));
    facets.put(FacetDimension.TAG, p.tags());
    return facets;
  }

  static String state(boolean physical) {
    return physical ? "physical" : "planned";
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  private static List<String> nonNull(Collection<String> values) {
    return values.stream().filter(Objects::nonNull).toList();
  }
}
