package io.tessera.graphstore;

import io.tessera.ontology.TESS;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

/** Maps a port's {@link Slo} to a {@code tess:ServiceLevelObjective} node and back. */
final class SloMapper {
  private SloMapper() {}

  static void write(Resource port, Slo slo) {
    Model m = port.getModel();
    Resource r =
        m.createResource(port.getURI() + "/slo").addProperty(RDF.type, TESS.ServiceLevelObjective);
    port.addProperty(TESS.slo, r);
    if (slo.freshness() != null) {
      r.addLiteral(TESS.freshness, duration(m, slo.freshness()));
    }
    if (slo.successRate() != null) {
      r.addLiteral(TESS.minSuccessRate, decimal(m, slo.successRate().min()));
      r.addLiteral(TESS.successRateWindow, duration(m, slo.successRate().window()));
    }
    if (slo.quality() != null) {
      r.addLiteral(TESS.minQualityPassing, decimal(m, slo.quality().min()));
      r.addLiteral(TESS.qualityWindow, duration(m, slo.quality().window()));
    }
    r.addLiteral(TESS.schemaStability, slo.schemaStability());
  }

  static Slo read(Resource port) {
    Resource r = port.getPropertyResourceValue(TESS.slo);
    if (r == null) {
      return null;
    }
    Slo.Objective success =
        r.hasProperty(TESS.minSuccessRate)
            ? new Slo.Objective(
                r.getProperty(TESS.minSuccessRate).getDouble(), duration(r, TESS.successRateWindow))
            : null;
    Slo.Objective quality =
        r.hasProperty(TESS.minQualityPassing)
            ? new Slo.Objective(
                r.getProperty(TESS.minQualityPassing).getDouble(), duration(r, TESS.qualityWindow))
            : null;
    Statement stable = r.getProperty(TESS.schemaStability);
    return new Slo(
        duration(r, TESS.freshness), success, quality, stable != null && stable.getBoolean());
  }

  private static org.apache.jena.rdf.model.Literal duration(Model m, Duration d) {
    return m.createTypedLiteral(d.toString(), XSDDatatype.XSDduration);
  }

  private static org.apache.jena.rdf.model.Literal decimal(Model m, double value) {
    return m.createTypedLiteral(BigDecimal.valueOf(value), XSDDatatype.XSDdecimal);
  }

  private static Duration duration(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null ? null : Duration.parse(s.getLiteral().getLexicalForm());
  }
}
