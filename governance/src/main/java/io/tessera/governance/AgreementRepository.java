package io.tessera.governance;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.ODRL;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * Agreements in the knowledge graph: one named graph of ODRL per agreement ({@link
 * IriMinter#agreementGraph}). The agreement {@code {base}/agreement/{domain}/{id}} is an {@code
 * odrl:Agreement} with {@code odrl:uid} (itself), {@code odrl:assigner} (the product), {@code
 * odrl:assignee} (the principal, {@link IriMinter#principal}), {@code dct:issued} (its start),
 * {@code tess:agreementState}, {@code dct:description} (the purpose in words) and one {@code
 * odrl:permission} with {@code odrl:target} (the product, or with {@code tess:agreementPort} its
 * port), actions {@code odrl:read} and {@code tess:discover}, and constraints {@code odrl:purpose
 * odrl:eq code} (when a code was given) and {@code odrl:dateTime odrl:lt expiry}.
 */
public class AgreementRepository {
  private final GraphStore store;
  private final IriMinter iris;

  public AgreementRepository(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
  }

  /** Writes (or replaces) the agreement's graph inside the caller's write, announcing it. */
  public void put(GraphWriter writer, Agreement agreement) {
    writer.replaceGraph(
        iris.agreementGraph(agreement.domain(), agreement.id()), toGraph(agreement));
    writer.changed(
        iris.agreement(agreement.domain(), agreement.id()),
        ChangeEvent.EntityKind.AGREEMENT,
        ChangeEvent.ChangeType.UPSERT);
  }

  /** Removes an agreement's graph (e.g. one the relational record no longer has). */
  public void remove(GraphWriter writer, String domain, String id) {
    writer.removeGraph(iris.agreementGraph(domain, id));
    writer.changed(
        iris.agreement(domain, id),
        ChangeEvent.EntityKind.AGREEMENT,
        ChangeEvent.ChangeType.DELETE);
  }

  /** Every agreement in the graph, in any state. */
  public List<Agreement> list() {
    return store.read(
        r -> {
          List<Agreement> all = new ArrayList<>();
          for (String graph : r.graphNames(iris.agreementGraphPrefix())) {
            all.add(fromGraph(r.graph(graph)));
          }
          return all;
        });
  }

  /**
   * The agreements with these IRIs ({@link IriMinter#agreement}), each mapped to null when its
   * graph is gone.
   */
  public java.util.Map<String, Agreement> read(java.util.Collection<String> agreementIris) {
    String prefix = iris.base() + "/agreement/";
    return store.read(
        r -> {
          java.util.Map<String, Agreement> found = new java.util.HashMap<>();
          for (String iri : agreementIris) {
            String graph = iris.agreementGraphPrefix() + iri.substring(prefix.length());
            found.put(iri, r.containsGraph(graph) ? fromGraph(r.graph(graph)) : null);
          }
          return found;
        });
  }

  /** The agreement's graph. */
  public Graph toGraph(Agreement a) {
    Model m = ModelFactory.createDefaultModel();
    String iri = iris.agreement(a.domain(), a.id());
    String product = iris.product(a.domain(), a.productName());
    Resource agreement =
        m.createResource(iri)
            .addProperty(RDF.type, ODRL.Agreement)
            .addProperty(ODRL.uid, m.createResource(iri))
            .addProperty(DCTerms.identifier, a.id())
            .addProperty(ODRL.assigner, m.createResource(product))
            .addProperty(ODRL.assignee, m.createResource(iris.principal(a.assignee())))
            .addLiteral(DCTerms.issued, dateTime(m, a.start()))
            .addProperty(TESS.agreementState, a.state().slug());
    if (a.purpose() != null) {
      agreement.addProperty(DCTerms.description, a.purpose());
    }
    Resource permission =
        m.createResource(iri + "/permission")
            .addProperty(RDF.type, ODRL.Permission)
            .addProperty(ODRL.action, ODRL.read)
            .addProperty(ODRL.action, TESS.discover);
    if (a.port() == null) {
      permission.addProperty(ODRL.target, m.createResource(product));
    } else {
      Resource port = m.createResource(iris.port(a.domain(), a.productName(), a.port()));
      permission.addProperty(ODRL.target, port);
      agreement.addProperty(TESS.agreementPort, port);
    }
    agreement.addProperty(ODRL.permission, permission);
    if (a.purposeCode() != null) {
      permission.addProperty(
          ODRL.constraint,
          m.createResource(iri + "/constraint/purpose")
              .addProperty(RDF.type, ODRL.Constraint)
              .addProperty(ODRL.leftOperand, ODRL.purpose)
              .addProperty(ODRL.operator, ODRL.eq)
              .addProperty(ODRL.rightOperand, a.purposeCode()));
    }
    permission.addProperty(
        ODRL.constraint,
        m.createResource(iri + "/constraint/expiry")
            .addProperty(RDF.type, ODRL.Constraint)
            .addProperty(ODRL.leftOperand, ODRL.dateTime)
            .addProperty(ODRL.operator, ODRL.lt)
            .addLiteral(ODRL.rightOperand, dateTime(m, a.expires())));
    return m.getGraph();
  }

  /** Reads an agreement back from its graph. */
  public Agreement fromGraph(Graph graph) {
    Model m = ModelFactory.createModelForGraph(graph);
    Resource a = m.listSubjectsWithProperty(RDF.type, ODRL.Agreement).next();
    String productPrefix = iris.base() + "/product/";
    String product = a.getPropertyResourceValue(ODRL.assigner).getURI();
    String assignee = a.getPropertyResourceValue(ODRL.assignee).getURI();
    Resource permission = a.getPropertyResourceValue(ODRL.permission);
    String purposeCode = null;
    Instant expires = null;
    for (Statement s : permission.listProperties(ODRL.constraint).toList()) {
      Resource c = s.getResource();
      Resource left = c.getPropertyResourceValue(ODRL.leftOperand);
      Literal right = c.getProperty(ODRL.rightOperand).getLiteral();
      if (ODRL.purpose.equals(left)) {
        purposeCode = right.getString();
      } else if (ODRL.dateTime.equals(left)) {
        expires = Instant.parse(right.getLexicalForm());
      }
    }
    Resource port = a.getPropertyResourceValue(TESS.agreementPort);
    return new Agreement(
        a.getProperty(DCTerms.identifier).getString(),
        decode(assignee.substring((iris.base() + "/principal/").length())),
        product.substring(productPrefix.length()),
        port == null ? null : port.getURI().substring(port.getURI().lastIndexOf('/') + 1),
        purposeCode,
        a.hasProperty(DCTerms.description) ? a.getProperty(DCTerms.description).getString() : null,
        Instant.parse(a.getProperty(DCTerms.issued).getLiteral().getLexicalForm()),
        expires,
        Agreement.State.valueOf(
            a.getProperty(TESS.agreementState).getString().toUpperCase(Locale.ROOT)));
  }

  private static Literal dateTime(Model m, Instant instant) {
    return m.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
  }

  private static String decode(String encoded) {
    return java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
  }
}
