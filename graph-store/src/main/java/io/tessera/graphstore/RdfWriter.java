package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.ODRL;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.io.StringWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** Writes catalog RDF as Turtle or JSON-LD with the usual prefixes. */
public class RdfWriter {

  public String turtle(Graph graph) {
    return write(graph, RDFFormat.TURTLE_PRETTY);
  }

  public String jsonLd(Graph graph) {
    return write(graph, RDFFormat.JSONLD11);
  }

  private static String write(Graph graph, RDFFormat format) {
    Model model = ModelFactory.createModelForGraph(graph);
    model.setNsPrefix("dprod", DPROD.NS);
    model.setNsPrefix("tess", TESS.NS);
    model.setNsPrefix("dcat", DCAT.NS);
    model.setNsPrefix("dct", DCTerms.NS);
    model.setNsPrefix("prov", PROV.NS);
    model.setNsPrefix("odrl", ODRL.NS);
    model.setNsPrefix("org", ORG.NS);
    model.setNsPrefix("skos", SKOS.uri);
    model.setNsPrefix("rdf", RDF.uri);
    model.setNsPrefix("rdfs", RDFS.uri);
    model.setNsPrefix("xsd", XSD.NS);
    StringWriter out = new StringWriter();
    RDFDataMgr.write(out, model, format);
    return out.toString();
  }
}
