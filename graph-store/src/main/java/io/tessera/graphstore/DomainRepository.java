package io.tessera.graphstore;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Domains in the graph: one named graph each, an {@code org:OrganizationalUnit} and a concept. */
public final class DomainRepository {
  private static final Query DOMAINS =
      SparqlQueries.load(DomainRepository.class, "queries/domains.rq");

  private final GraphStore store;
  private final IriMinter iris;

  public DomainRepository(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
  }

  /** Replaces the domain's graph inside the caller's write transaction. */
  public void put(GraphWriter writer, Domain domain) {
    writer.replaceGraph(iris.domainGraph(domain.name()), toGraph(domain));
    writer.changed(
        iris.domain(domain.name()), ChangeEvent.EntityKind.DOMAIN, ChangeEvent.ChangeType.UPSERT);
  }

  /** Removes the domain's graph inside the caller's write transaction. */
  public void remove(GraphWriter writer, String name) {
    writer.removeGraph(iris.domainGraph(name));
    writer.changed(iris.domain(name), ChangeEvent.EntityKind.DOMAIN, ChangeEvent.ChangeType.DELETE);
  }

  /** Whether the domain exists, as seen inside a transaction. */
  public boolean exists(GraphReader reader, String name) {
    return reader.containsGraph(iris.domainGraph(name));
  }

  /** The domain's RDF, as stored. */
  public Graph graph(String name) {
    return store.read(r -> r.graph(iris.domainGraph(name)));
  }

  /** All domains, by name. */
  public List<Domain> list() {
    return store.read(r -> read(r, Map.of(), iris));
  }

  /**
   * Runs the domains query inside a transaction; binding {@code ?domain} selects one domain. Shared
   * with {@link CatalogEntities}.
   */
  static List<Domain> read(GraphReader reader, Map<String, Node> bindings, IriMinter iris) {
    String prefix = iris.domain("x").substring(0, iris.domain("x").length() - 1);
    return reader.select(DOMAINS, bindings).stream()
        .map(
            row ->
                new Domain(
                    row.text("name"),
                    row.text("title"),
                    row.text("description"),
                    row.text("owner"),
                    row.text("parent") == null
                        ? null
                        : row.text("parent").substring(prefix.length()),
                    Long.parseLong(row.text("revision"))))
        .toList();
  }

  /** One domain by name. */
  public Optional<Domain> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(find(List.of(name)).get(name));
  }

  /**
   * The named domains, by name, in one read transaction and one bound query each (not a listing of
   * every domain); unknown names, and names no domain can have, are absent.
   */
  public Map<String, Domain> find(Collection<String> names) {
    return store.read(
        r -> {
          Map<String, Domain> found = new LinkedHashMap<>();
          for (String name : names) {
            if (name == null || !IriMinter.isSlug(name)) {
              continue; // no domain can have that name
            }
            Node domain = NodeFactory.createURI(iris.domain(name));
            read(r, Map.of("domain", domain), iris).forEach(d -> found.put(d.name(), d));
          }
          return found;
        });
  }

  private Graph toGraph(Domain domain) {
    Model m = ModelFactory.createDefaultModel();
    Resource d = m.createResource(iris.domain(domain.name()));
    d.addProperty(RDF.type, TESS.Domain)
        .addProperty(RDF.type, ORG.OrganizationalUnit)
        .addProperty(RDF.type, SKOS.Concept)
        .addProperty(RDFS.label, domain.title())
        .addProperty(SKOS.prefLabel, domain.title())
        .addProperty(DCTerms.identifier, domain.name())
        .addProperty(
            TESS.domainOwner, m.createResource(domain.owner()).addProperty(RDF.type, PROV.Agent))
        .addLiteral(TESS.revision, m.createTypedLiteral(domain.revision(), XSDDatatype.XSDinteger));
    if (domain.description() != null && !domain.description().isBlank()) {
      d.addProperty(DCTerms.description, domain.description());
    }
    if (domain.parent() != null) {
      Resource parent = m.createResource(iris.domain(domain.parent()));
      d.addProperty(ORG.subOrganizationOf, parent).addProperty(SKOS.broader, parent);
    }
    return m.getGraph();
  }
}
