package io.tessera.searchindex.document;

import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.CatalogJob;
import io.tessera.graphstore.CatalogTerm;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.OntologyException;
import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns what graph-store reads into index entries: one aggregate (a domain; a product with its
 * output ports and promised columns; a dataset with its observed columns; a job; a term) at a time,
 * and says which other aggregates a product's entries depend on.
 */
public final class EntryFactory {
  private final IriMinter iris;
  private final ProductEntries products;

  public EntryFactory(IriMinter iris) {
    this.iris = iris;
    this.products = new ProductEntries(iris);
  }

  /** The domain's entry. */
  public List<IndexEntry> domain(Domain d) {
    String iri = iris.domain(d.name());
    Map<FacetDimension, List<String>> facets = new EnumMap<>(FacetDimension.class);
    facets.put(FacetDimension.DOMAIN, List.of(d.name()));
    facets.put(FacetDimension.OWNER, List.of(d.owner()));
    return List.of(
        new IndexEntry(
            iri,
            iri,
            EntityType.DOMAIN,
            EntityType.DOMAIN,
            d.title(),
            d.name(),
            List.of(d.name()),
            List.of(),
            d.description() == null ? List.of() : List.of(d.description()),
            List.of(),
            List.of(),
            d.parent(),
            facets,
            Set.of(iris.domainGraph(d.name())),
            Set.of()));
  }

  /** The product's entry, then one per output port and one per promised column. */
  public List<IndexEntry> product(Product p) {
    return products.of(p);
  }

  /** The graphs a product's entries come from. */
  public Set<String> graphs(Product p) {
    return products.graphs(p);
  }

  /**
   * The datasets whose entries show something of the product: those its output ports promise or are
   * bound to, and those it groups. Their entries must be rebuilt whenever it changes.
   */
  public Set<String> datasetsProducedBy(Product p) {
    Set<String> datasets = new LinkedHashSet<>();
    p.outputPorts().stream()
        .flatMap(port -> Stream.of(port.dataset(), port.binding() == null ? null : bound(port)))
        .filter(Objects::nonNull)
        .forEach(ref -> datasets.add(iris.dataset(ref.namespace(), ref.name())));
    p.groups().forEach(ref -> datasets.add(iris.dataset(ref.namespace(), ref.name())));
    return datasets;
  }

  /**
   * Every dataset the product's graphs mention: those it produces and those its input ports read. A
   * dataset it only reads shows nothing of it; its entry changes only when the mention comes or
   * goes (it may be the dataset's only mention).
   */
  public Set<String> datasetsMentionedBy(Product p) {
    Set<String> datasets = datasetsProducedBy(p);
    p.inputPorts().stream()
        .map(Port::dataset)
        .filter(Objects::nonNull)
        .forEach(ref -> datasets.add(iris.dataset(ref.namespace(), ref.name())));
    return datasets;
  }

  /**
   * The classification terms a product or its columns use. A term's entry shows nothing of the
   * product; it changes only when the product starts or stops using it.
   */
  public Set<String> termsOf(Product p) {
    Set<String> slugs = new LinkedHashSet<>(p.classification());
    Stream.concat(p.outputPorts().stream(), p.inputPorts().stream())
        .flatMap(port -> port.schema().stream())
        .map(FieldDef::classification)
        .forEach(slugs::addAll);
    Set<String> terms = new LinkedHashSet<>();
    for (String slug : slugs) {
      try {
        terms.add(iris.classification(slug));
      } catch (OntologyException e) {
        // not a slug, so no term was minted for it: nothing depends on it
      }
    }
    return terms;
  }

  /**
   * The dataset's entry, then one per column of its observed (current) schema. The dataset has two
   * entries: the full one (with its descriptions, columns and their classifications) for callers
   * who may read it, and a redacted one without them for callers who may only discover it.
   */
  public List<IndexEntry> dataset(CatalogDataset ds) {
    DatasetRef ref = ds.ref();
    List<String> columns = new ArrayList<>();
    Set<String> classification = new LinkedHashSet<>();
    Stream.concat(ds.observedColumns().stream(), ds.promisedColumns().stream())
        .forEach(
            c -> {
              columns.add(c.name());
              classification.addAll(c.classification());
            });
    Map<FacetDimension, List<String>> facets = datasetFacets(ds);
    facets.put(FacetDimension.CLASSIFICATION, List.copyOf(classification));
    List<String> keywords = new ArrayList<>(classification);
    keywords.add(ref.namespace());
    List<IndexEntry> entries = new ArrayList<>();
    IndexEntry dataset =
        new IndexEntry(
            ds.iri(),
            ds.iri(),
            EntityType.DATASET,
            EntityType.DATASET,
            ref.name(),
            ref.name(),
            qualifiedNames(ds),
            shortNames(ds),
            ds.descriptions(),
            columns,
            keywords,
            String.join(", ", ds.producers().stream().map(CatalogDataset.Producer::title).toList()),
            facets,
            ds.contentGraphs(),
            ds.mentionGraphs());
    entries.add(dataset.detailed());
    // the redacted dataset shows its identity and producers, not the descriptions its ports and
    // lineage give
    entries.add(dataset.redacted(List.of(), List.of(ref.namespace()), datasetFacets(ds)));
    for (CatalogDataset.Column column : ds.observedColumns()) {
      Map<FacetDimension, List<String>> columnFacets = datasetFacets(ds);
      columnFacets.put(FacetDimension.CLASSIFICATION, column.classification());
      List<String> columnKeywords = new ArrayList<>(column.classification());
      columnKeywords.add(column.dataType() == null ? "" : column.dataType());
      entries.add(
          new IndexEntry(
              column.iri(),
              ds.iri(),
              EntityType.DATASET,
              EntityType.COLUMN,
              column.name(),
              column.name(),
              List.of(ref.name() + "." + column.name()),
              List.of(),
              column.description() == null ? List.of() : List.of(column.description()),
              List.of(),
              columnKeywords,
              ref.name(),
              columnFacets,
              ds.contentGraphs(),
              ds.mentionGraphs()));
    }
    return entries;
  }

  /** Its namespace/name, then the names lineage reported as its symlinks (a path's table name). */
  private static List<String> qualifiedNames(CatalogDataset ds) {
    List<String> names = new ArrayList<>(List.of(ds.ref().name(), ds.ref().identifier()));
    for (DatasetRef symlink : ds.symlinks()) {
      names.add(symlink.name());
      names.add(symlink.identifier());
    }
    return names.stream().distinct().toList();
  }

  private static List<String> shortNames(CatalogDataset ds) {
    return Stream.concat(Stream.of(ds.ref()), ds.symlinks().stream())
        .map(ref -> shortName(ref.name()))
        .distinct()
        .toList();
  }

  private static Map<FacetDimension, List<String>> datasetFacets(CatalogDataset ds) {
    Map<FacetDimension, List<String>> facets = new EnumMap<>(FacetDimension.class);
    facets.put(
        FacetDimension.DOMAIN,
        ds.producers().stream().map(CatalogDataset.Producer::domain).distinct().toList());
    facets.put(
        FacetDimension.OWNER,
        ds.producers().stream().map(CatalogDataset.Producer::owner).distinct().toList());
    facets.put(FacetDimension.STATE, List.of(ProductEntries.state(ds.physical())));
    String platform = Platforms.of(ds.ref().namespace());
    facets.put(FacetDimension.PLATFORM, platform == null ? List.of() : List.of(platform));
    return facets;
  }

  /** The job's entry. */
  public List<IndexEntry> job(CatalogJob job) {
    Map<FacetDimension, List<String>> facets = new EnumMap<>(FacetDimension.class);
    facets.put(FacetDimension.STATE, List.of("physical"));
    if (job.namespace().contains("://")) {
      String platform = Platforms.of(job.namespace());
      facets.put(FacetDimension.PLATFORM, platform == null ? List.of() : List.of(platform));
    }
    return List.of(
        new IndexEntry(
            job.iri(),
            job.iri(),
            EntityType.JOB,
            EntityType.JOB,
            job.label() == null ? job.name() : job.label(),
            job.name(),
            List.of(job.name(), job.namespace() + "/" + job.name()),
            List.of(shortName(job.name())),
            job.description() == null ? List.of() : List.of(job.description()),
            List.of(),
            List.of(job.namespace()),
            job.namespace(),
            facets,
            job.graphs(),
            Set.of()));
  }

  /** The term's entry. */
  public List<IndexEntry> term(CatalogTerm term) {
    String name = term.notation() == null ? term.label() : term.notation();
    if (name == null) {
      return List.of();
    }
    return List.of(
        new IndexEntry(
            term.iri(),
            term.iri(),
            EntityType.TERM,
            EntityType.TERM,
            term.label() == null ? name : term.label(),
            name,
            List.of(name),
            List.of(),
            term.definition() == null ? List.of() : List.of(term.definition()),
            List.of(),
            List.of(),
            null,
            Map.of(),
            term.contentGraphs(),
            term.mentionGraphs()));
  }

  /**
   * The last segment of a name: after the last {@code /} if it has one, else after the last {@code
   * .} ({@code sales.public.orders} gives {@code orders}, {@code finance/freight_costs} gives
   * {@code freight_costs}).
   */
  static String shortName(String name) {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    int slash = trimmed.lastIndexOf('/');
    if (slash >= 0) {
      return trimmed.substring(slash + 1);
    }
    int dot = trimmed.lastIndexOf('.');
    return dot >= 0 ? trimmed.substring(dot + 1) : trimmed;
  }

  private static DatasetRef bound(Port port) {
    return port.binding().dataset();
  }
}
