package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.ODRL;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.io.OutputStream;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** Writes chosen named graphs of the store, inside the caller's read transaction. */
final class ScopedExport {
  private static final List<String[]> PREFIXES =
      List.of(
          new String[] {"dprod", DPROD.NS},
          new String[] {"tess", TESS.NS},
          new String[] {"dcat", DCAT.NS},
          new String[] {"dct", DCTerms.NS},
          new String[] {"prov", PROV.NS},
          new String[] {"odrl", ODRL.NS},
          new String[] {"org", ORG.NS},
          new String[] {"skos", SKOS.uri},
          new String[] {"rdf", RDF.uri},
          new String[] {"rdfs", RDFS.uri},
          new String[] {"xsd", XSD.NS});

  private ScopedExport() {}

  /**
   * Turtle, TriG and N-Quads are streamed graph by graph; JSON-LD has no streaming writer, so the
   * graphs are copied into memory first.
   */
  static void write(DatasetGraph dsg, List<Node> graphs, ExportFormat format, OutputStream out) {
    if (format == ExportFormat.JSONLD) {
      DatasetGraph copy = DatasetGraphFactory.create();
      PREFIXES.forEach(p -> copy.prefixes().add(p[0], p[1]));
      for (Node graph : graphs) {
        dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
      }
      RDFDataMgr.write(out, copy, RDFFormat.JSONLD11);
      return;
    }
    StreamRDF stream =
        StreamRDFWriter.getWriterStream(
            out,
            switch (format) {
              case TURTLE -> RDFFormat.TURTLE_BLOCKS;
              case TRIG -> RDFFormat.TRIG_BLOCKS;
              default -> RDFFormat.NQUADS;
            });
    stream.start();
    PREFIXES.forEach(p -> stream.prefix(p[0], p[1]));
    for (Node graph : graphs) {
      dsg.find(graph, Node.ANY, Node.ANY, Node.ANY)
          .forEachRemaining(
              q -> {
                if (format.quads()) {
                  stream.quad(q);
                } else {
                  stream.triple(q.asTriple());
                }
              });
    }
    stream.finish();
  }
}
