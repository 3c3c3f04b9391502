package io.tessera.graphstore;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * The media types the SPARQL endpoint answers in, and content negotiation over them. SELECT and ASK
 * answers are SPARQL results (JSON first); CONSTRUCT and DESCRIBE answers are RDF (Turtle first).
 */
public enum ResultFormat {
  SPARQL_JSON("application/sparql-results+json", ResultSetLang.RS_JSON, false, "application/json"),
  SPARQL_XML("application/sparql-results+xml", ResultSetLang.RS_XML, false, "application/xml"),
  CSV("text/csv", ResultSetLang.RS_CSV, false, null),
  TSV("text/tab-separated-values", ResultSetLang.RS_TSV, false, null),
  TURTLE("text/turtle", Lang.TURTLE, true, null),
  NTRIPLES("application/n-triples", Lang.NTRIPLES, true, "text/plain"),
  JSONLD("application/ld+json", Lang.JSONLD, true, "application/json"),
  RDFXML("application/rdf+xml", Lang.RDFXML, true, "application/xml"),
  TRIG("application/trig", Lang.TRIG, true, null),
  NQUADS("application/n-quads", Lang.NQUADS, true, null);

  private final String mediaType;
  private final Lang lang;
  private final boolean rdf;
  private final String alias;

  ResultFormat(String mediaType, Lang lang, boolean rdf, String alias) {
    this.mediaType = mediaType;
    this.lang = lang;
    this.rdf = rdf;
    this.alias = alias;
  }

  /** The media type written in {@code Content-Type}. */
  public String contentType() {
    return mediaType.startsWith("text/") ? mediaType + ";charset=utf-8" : mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The formats for a kind of answer, preferred first. */
  public static List<ResultFormat> forAnswer(boolean rdf) {
    return java.util.Arrays.stream(values()).filter(f -> f.rdf == rdf).toList();
  }

  /**
   * The best format for an {@code Accept} header (highest quality first, then our preference), or
   * empty when the header accepts none of them. No header means the preferred format.
   */
  public static Optional<ResultFormat> negotiate(String accept, boolean rdf) {
    List<ResultFormat> offered = forAnswer(rdf);
    if (accept == null || accept.isBlank()) {
      return Optional.of(offered.getFirst());
    }
    for (Range range : ranges(accept)) {
      if (range.quality() <= 0) {
        continue;
      }
      for (ResultFormat format : offered) {
        if (range.matches(format.mediaType)) {
          return Optional.of(format);
        }
      }
      for (ResultFormat format : offered) {
        if (format.alias != null && range.type().equals(format.alias)) {
          return Optional.of(format);
        }
      }
    }
    return Optional.empty();
  }

  /** Writes the answer in this format. */
  public byte[] write(SparqlResult result, PrefixMapping prefixes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (result) {
      case SparqlResult.Solutions s -> ResultsWriter.create().lang(lang).write(out, s.rowSet());
      case SparqlResult.Answer a -> ResultsWriter.create().lang(lang).write(out, a.value());
      case SparqlResult.Triples t -> {
        t.graph().getPrefixMapping().setNsPrefixes(prefixes);
        switch (this) {
          case TRIG, NQUADS -> RDFDataMgr.write(out, DatasetGraphFactory.wrap(t.graph()), lang);
          case TURTLE -> RDFDataMgr.write(out, t.graph(), RDFFormat.TURTLE_PRETTY);
          case JSONLD -> RDFDataMgr.write(out, t.graph(), RDFFormat.JSONLD11);
          default -> RDFDataMgr.write(out, t.graph(), lang);
        }
      }
    }
    return out.toByteArray();
  }

  private record Range(String type, double quality, int order) {
    boolean matches(String mediaType) {
      if (type.equals("*/*")) {
        return true;
      }
      if (type.endsWith("/*")) {
        return mediaType.startsWith(type.substring(0, type.length() - 1));
      }
      return type.equals(mediaType);
    }
  }

  private static List<Range> ranges(String accept) {
    List<Range> ranges = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] params = parts[i].split(";");
      String type = params[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1.0;
      for (int p = 1; p < params.length; p++) {
        String param = params[p].strip();
        if (param.startsWith("q=")) {
          try {
            quality = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (!type.isEmpty()) {
        ranges.add(new Range(type, quality, i));
      }
    }
    ranges.sort(
        Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::order));
    return ranges;
  }
}
