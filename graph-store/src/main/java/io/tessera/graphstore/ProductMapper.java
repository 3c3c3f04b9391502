package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PROV;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Maps a {@link Product} to the DPROD-shaped triples of its named graphs and back: the declared
 * graph (replaced on every apply) and the observed graph (port bindings, physical since).
 */
final class ProductMapper {
  private final IriMinter iris;

  ProductMapper(IriMinter iris) {
    this.iris = iris;
  }

  /** The declared graph: the product, its ports, distributions, datasets and promised schemas. */
  Graph declared(Product product) {
    Model m = ModelFactory.createDefaultModel();
    Resource p = m.createResource(iris.product(product.domain(), product.name()));
    p.addProperty(RDF.type, DPROD.DataProduct)
        .addProperty(RDFS.label, product.title())
        .addProperty(DCTerms.title, product.title())
        .addProperty(DCTerms.identifier, product.domain() + "/" + product.name())
        .addProperty(DPROD.domain, m.createResource(iris.domain(product.domain())))
        .addProperty(
            DPROD.lifecycleStatus,
            m.createResource(product.lifecycle().resource().getURI())
                .addProperty(RDF.type, DPROD.DataProductLifecycleStatus))
        .addLiteral(
            TESS.revision, m.createTypedLiteral(product.revision(), XSDDatatype.XSDinteger));
    Resource owner = m.createResource(product.owner()).addProperty(RDF.type, PROV.Agent);
    p.addProperty(DPROD.dataProductOwner, owner);
    optional(p, DCTerms.description, product.description());
    optional(p, DPROD.purpose, product.purpose());
    optional(p, TESS.externalIdentifier, product.identifier());
    optional(p, TESS.sourceFormat, product.sourceFormat());
    product.tags().forEach(tag -> p.addProperty(DCAT.keyword, tag));
    product.classification().forEach(c -> p.addProperty(TESS.classification, classification(m, c)));
    addPorts(m, p, product, product.outputPorts(), DPROD.outputPort, DPROD.outputDataset);
    addPorts(m, p, product, product.inputPorts(), DPROD.inputPort, DPROD.inputDataset);
    product.groups().forEach(ref -> p.addProperty(TESS.groups, dataset(m, ref)));
    return m.getGraph();
  }

  /** The observed graph: bindings of the product's output ports and when it turned physical. */
  Graph observed(Product product) {
    Model m = ModelFactory.createDefaultModel();
    for (Port port : product.outputPorts()) {
      if (port.binding() != null) {
        Resource r = m.createResource(iris.port(product.domain(), product.name(), port.name()));
        r.addProperty(TESS.boundDataset, dataset(m, port.binding().dataset()))
            .addLiteral(TESS.boundAt, instant(m, port.binding().boundAt()))
            .addProperty(TESS.evidence, m.createResource(port.binding().evidence()));
        PortBinding.Symlink through = port.binding().through();
        if (through != null) {
          r.addProperty(TESS.boundThrough, dataset(m, through.identifier()));
          optional(r, TESS.symlinkType, through.type());
        }
      }
    }
    if (product.physicalSince() != null) {
      m.createResource(iris.product(product.domain(), product.name()))
          .addLiteral(TESS.physicalSince, instant(m, product.physicalSince()));
    }
    if (product.health() != null) {
      m.createResource(iris.product(product.domain(), product.name()))
          .addProperty(TESS.healthStatus, product.health());
    }
    return m.getGraph();
  }

  private void addPorts(
      Model m, Resource p, Product product, List<Port> ports, Property link, Property datasetLink) {
    for (int i = 0; i < ports.size(); i++) {
      Port port = ports.get(i);
      Resource r = m.createResource(iris.port(product.domain(), product.name(), port.name()));
      p.addProperty(link, r);
      r.addProperty(RDF.type, DCAT.DataService)
          .addProperty(RDFS.label, port.name())
          .addProperty(DCTerms.type, port.type().resource())
          .addLiteral(TESS.ordinal, m.createTypedLiteral(i, XSDDatatype.XSDinteger));
      optional(r, DCTerms.description, port.description());
      if (port.contract() != null) {
        r.addProperty(
            DCTerms.conformsTo,
            m.createResource(iris.contract(port.contract()))
                .addProperty(RDF.type, TESS.DataContract)
                .addProperty(DCTerms.identifier, port.contract()));
      }
      Resource dist = m.createResource(iris.distribution(r.getURI()));
      dist.addProperty(RDF.type, DCAT.Distribution).addProperty(DCAT.accessService, r);
      r.addProperty(DPROD.isAccessServiceOf, dist);
      if (port.dataset() != null) {
        Resource ds = dataset(m, port.dataset());
        r.addProperty(DCAT.servesDataset, ds);
        dist.addProperty(DPROD.isDistributionOf, ds);
        p.addProperty(datasetLink, ds);
      }
      if (port.slo() != null) {
        SloMapper.write(r, port.slo());
      }
      if (port.access() != null) {
        AccessMapper.write(r, dist, port.access(), iris);
      }
      if (!port.schema().isEmpty()) {
        Resource schema =
            m.createResource(iris.schema(r.getURI())).addProperty(RDF.type, TESS.Schema);
        dist.addProperty(DCTerms.conformsTo, schema);
        for (int f = 0; f < port.schema().size(); f++) {
          FieldDef def = port.schema().get(f);
          Resource field =
              m.createResource(iris.field(schema.getURI(), def.name()))
                  .addProperty(RDF.type, TESS.Field)
                  .addProperty(RDFS.label, def.name())
                  .addLiteral(TESS.required, def.required())
                  .addLiteral(TESS.ordinal, m.createTypedLiteral(f, XSDDatatype.XSDinteger));
          optional(field, TESS.dataType, def.type());
          optional(field, DCTerms.description, def.description());
          def.classification()
              .forEach(c -> field.addProperty(TESS.classification, classification(m, c)));
          schema.addProperty(TESS.field, field);
        }
      }
    }
  }

  private Resource dataset(Model m, DatasetRef ref) {
    return m.createResource(iris.dataset(ref.namespace(), ref.name()))
        .addProperty(RDF.type, DCAT.Dataset)
        .addProperty(TESS.olNamespace, ref.namespace())
        .addProperty(TESS.olName, ref.name())
        .addProperty(DCTerms.identifier, ref.identifier());
  }

  private Resource classification(Model m, String slug) {
    return m.createResource(iris.classification(slug))
        .addProperty(RDF.type, SKOS.Concept)
        .addProperty(SKOS.prefLabel, slug)
        .addProperty(SKOS.notation, slug);
  }

  /** Reads a product back from its declared and observed graphs. */
  Product read(String productIri, Graph declaredGraph, Graph observedGraph) {
    return read(
        productIri,
        ModelFactory.createModelForGraph(declaredGraph)
            .union(ModelFactory.createModelForGraph(observedGraph)));
  }

  /** Reads a product back from one graph holding both its declared and observed triples. */
  Product read(String productIri, Graph declaredAndObserved) {
    return read(productIri, ModelFactory.createModelForGraph(declaredAndObserved));
  }

  private Product read(String productIri, Model m) {
    Resource p = m.getResource(productIri);
    String[] key = string(p, DCTerms.identifier).split("/", 2);
    Lifecycle lifecycle =
        Lifecycle.fromIri(p.getPropertyResourceValue(DPROD.lifecycleStatus).getURI()).orElseThrow();
    return new Product(
        key[0],
        key[1],
        string(p, RDFS.label),
        string(p, DCTerms.description),
        string(p, DPROD.purpose),
        p.getPropertyResourceValue(DPROD.dataProductOwner).getURI(),
        lifecycle,
        notations(p, TESS.classification),
        strings(p, DCAT.keyword),
        ports(p, DPROD.outputPort),
        ports(p, DPROD.inputPort),
        p.listProperties(TESS.groups).mapWith(s -> ref(s.getResource())).toList().stream()
            .sorted(Comparator.comparing(DatasetRef::identifier))
            .toList(),
        string(p, TESS.externalIdentifier),
        string(p, TESS.sourceFormat),
        p.getProperty(TESS.revision).getLong(),
        instant(p, TESS.physicalSince),
        string(p, TESS.healthStatus));
  }

  private List<Port> ports(Resource p, Property link) {
    List<Resource> resources =
        new ArrayList<>(p.listProperties(link).mapWith(Statement::getResource).toList());
    resources.sort(Comparator.comparingInt(r -> r.getProperty(TESS.ordinal).getInt()));
    List<Port> ports = new ArrayList<>();
    for (Resource r : resources) {
      Resource ds = r.getPropertyResourceValue(DCAT.servesDataset);
      Resource contract = r.getPropertyResourceValue(DCTerms.conformsTo);
      Resource bound = r.getPropertyResourceValue(TESS.boundDataset);
      Resource through = r.getPropertyResourceValue(TESS.boundThrough);
      PortBinding binding =
          bound == null
              ? null
              : new PortBinding(
                  ref(bound),
                  instant(r, TESS.boundAt),
                  r.getPropertyResourceValue(TESS.evidence).getURI(),
                  through == null
                      ? null
                      : new PortBinding.Symlink(ref(through), string(r, TESS.symlinkType)));
      ports.add(
          new Port(
              string(r, RDFS.label),
              PortType.fromIri(r.getPropertyResourceValue(DCTerms.type).getURI()).orElseThrow(),
              string(r, DCTerms.description),
              ds == null ? null : ref(ds),
              contract == null ? null : string(contract, DCTerms.identifier),
              schema(r),
              binding,
              SloMapper.read(r),
              AccessMapper.read(r)));
    }
    return ports;
  }

  private List<FieldDef> schema(Resource port) {
    Resource dist = port.getPropertyResourceValue(DPROD.isAccessServiceOf);
    Resource schema = dist == null ? null : dist.getPropertyResourceValue(DCTerms.conformsTo);
    if (schema == null) {
      return List.of();
    }
    List<Resource> fields =
        new ArrayList<>(schema.listProperties(TESS.field).mapWith(Statement::getResource).toList());
    fields.sort(Comparator.comparingInt(f -> f.getProperty(TESS.ordinal).getInt()));
    return fields.stream()
        .map(
            f ->
                new FieldDef(
                    string(f, RDFS.label),
                    string(f, TESS.dataType),
                    f.hasProperty(TESS.required) && f.getProperty(TESS.required).getBoolean(),
                    string(f, DCTerms.description),
                    notations(f, TESS.classification)))
        .toList();
  }

  private static DatasetRef ref(Resource ds) {
    return new DatasetRef(string(ds, TESS.olNamespace), string(ds, TESS.olName));
  }

  private static void optional(Resource r, Property p, String value) {
    if (value != null && !value.isBlank()) {
      r.addProperty(p, value);
    }
  }

  private static Literal instant(Model m, Instant instant) {
    return m.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
  }

  private static Instant instant(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null ? null : Instant.parse(s.getString());
  }

  static String string(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null ? null : s.getString();
  }

  private static List<String> strings(Resource r, Property p) {
    return r.listProperties(p).mapWith(s -> s.getString()).toList().stream().sorted().toList();
  }

  private static List<String> notations(Resource r, Property p) {
    return r
        .listProperties(p)
        .mapWith(Statement::getResource)
        .mapWith(c -> string(c, SKOS.notation))
        .toList()
        .stream()
        .sorted()
        .toList();
  }
}
