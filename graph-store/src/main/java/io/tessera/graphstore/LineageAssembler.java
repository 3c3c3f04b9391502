package io.tessera.graphstore;

import io.tessera.ontology.DCAT3;
import io.tessera.ontology.DQV;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Reads what lineage observed into records, inside a caller's read transaction: the jobs, schema
 * versions and quality around a dataset ({@link DatasetLinks}), a job with its runs ({@link
 * ObservedJob}) and a run ({@link ObservedRun}). Callers that batch lookups read many in one
 * transaction.
 */
public final class LineageAssembler {
  private final IriMinter iris;
  private final String runPrefix;

  public LineageAssembler(IriMinter iris) {
    this.iris = iris;
    this.runPrefix = iris.run("x").substring(0, iris.run("x").length() - 1);
  }

  /** The jobs, schema versions and latest quality measurements around a dataset. */
  public DatasetLinks datasetLinks(GraphReader r, String datasetIri) {
    Node ds = NodeFactory.createURI(datasetIri);
    List<SchemaVersion> versions = versions(r, ds);
    List<String> columns =
        versions.isEmpty()
            ? List.of()
            : versions.getFirst().columns().stream().map(FieldDef::name).toList();
    return new DatasetLinks(
        subjects(r, TESS.writes.asNode(), ds),
        subjects(r, TESS.reads.asNode(), ds),
        versions,
        quality(r, datasetIri, columns));
  }

  /** A job by IRI, or null when lineage has not observed it. */
  public ObservedJob job(GraphReader r, String jobIri) {
    Node job = NodeFactory.createURI(jobIri);
    String namespace = literal(r, job, TESS.olNamespace.asNode());
    String name = literal(r, job, TESS.olName.asNode());
    if (namespace == null || name == null) {
      return null;
    }
    List<Node> runNodes =
        r.find(null, TESS.job.asNode(), job).stream().map(Triple::getSubject).toList();
    List<String> runs =
        runNodes.stream()
            .sorted(
                Comparator.comparing(
                        (Node n) -> {
                          Instant t = time(r, n, PROV.startedAtTime.asNode());
                          return t == null ? Instant.EPOCH : t;
                        })
                    .reversed())
            .map(Node::getURI)
            .toList();
    return new ObservedJob(
        jobIri,
        namespace,
        name,
        literal(r, job, DCTerms.description.asNode()),
        objects(r, job, TESS.reads.asNode()),
        objects(r, job, TESS.writes.asNode()),
        runs);
  }

  /** A run by IRI, or null when lineage has not observed it. */
  public ObservedRun run(GraphReader r, String runIri) {
    String prefix = runPrefix;
    Node run = NodeFactory.createURI(runIri);
    List<String> jobs = objects(r, run, TESS.job.asNode());
    if (jobs.isEmpty() || !runIri.startsWith(prefix)) {
      return null;
    }
    return new ObservedRun(
        runIri,
        URLDecoder.decode(runIri.substring(prefix.length()), StandardCharsets.UTF_8),
        literal(r, run, TESS.runState.asNode()),
        time(r, run, PROV.startedAtTime.asNode()),
        time(r, run, PROV.endedAtTime.asNode()),
        literal(r, run, TESS.errorMessage.asNode()),
        jobs.getFirst());
  }

  private List<SchemaVersion> versions(GraphReader r, Node dataset) {
    List<SchemaVersion> versions = new ArrayList<>();
    List<String> current = objects(r, dataset, DCTerms.conformsTo.asNode());
    Node schema = current.isEmpty() ? null : NodeFactory.createURI(current.getFirst());
    while (schema != null && versions.size() < 1000) {
      String version = literal(r, schema, DCAT3.version.asNode());
      if (version == null) {
        break;
      }
      List<FieldDef> columns = new ArrayList<>();
      Map<String, Integer> order = new HashMap<>();
      for (String field : objects(r, schema, TESS.field.asNode())) {
        Node f = NodeFactory.createURI(field);
        String name = literal(r, f, RDFS.label.asNode());
        String ordinal = literal(r, f, TESS.ordinal.asNode());
        order.put(name, ordinal == null ? Integer.MAX_VALUE : Integer.parseInt(ordinal));
        columns.add(
            new FieldDef(
                name,
                literal(r, f, TESS.dataType.asNode()),
                "true".equals(literal(r, f, TESS.required.asNode())),
                literal(r, f, DCTerms.description.asNode()),
                List.of()));
      }
      columns.sort(Comparator.comparing((FieldDef c) -> order.get(c.name())));
      List<String> runs = objects(r, schema, PROV.wasGeneratedBy.asNode());
      versions.add(
          new SchemaVersion(
              schema.getURI(),
              Integer.parseInt(version),
              time(r, schema, PROV.generatedAtTime.asNode()),
              runs.isEmpty() ? null : runs.getFirst(),
              columns));
      List<String> previous = objects(r, schema, PROV.wasRevisionOf.asNode());
      schema = previous.isEmpty() ? null : NodeFactory.createURI(previous.getFirst());
    }
    return versions;
  }

  private List<QualityMeasurement> quality(GraphReader r, String datasetIri, List<String> columns) {
    Map<String, QualityMeasurement> latest = new LinkedHashMap<>();
    String fieldPrefix = iris.datasetField(datasetIri, "x");
    fieldPrefix = fieldPrefix.substring(0, fieldPrefix.length() - 1);
    String metricPrefix = iris.metric("x").substring(0, iris.metric("x").length() - 1);
    List<Node> targets = new ArrayList<>();
    targets.add(NodeFactory.createURI(datasetIri));
    columns.forEach(c -> targets.add(NodeFactory.createURI(iris.datasetField(datasetIri, c))));
    List<Node> measurements = new ArrayList<>();
    for (Node target : targets) {
      r.find(null, DQV.computedOn.asNode(), target).forEach(t -> measurements.add(t.getSubject()));
    }
    for (Node m : measurements) {
      List<String> target = objects(r, m, DQV.computedOn.asNode());
      List<String> metric = objects(r, m, DQV.isMeasurementOf.asNode());
      Node value =
          r.find(m, DQV.value.asNode(), null).stream()
              .map(Triple::getObject)
              .findFirst()
              .orElse(null);
      if (target.isEmpty() || metric.isEmpty() || value == null) {
        continue;
      }
      String column =
          target.getFirst().startsWith(fieldPrefix)
              ? URLDecoder.decode(
                  target.getFirst().substring(fieldPrefix.length()), StandardCharsets.UTF_8)
              : null;
      String metricName =
          URLDecoder.decode(
              metric.getFirst().startsWith(metricPrefix)
                  ? metric.getFirst().substring(metricPrefix.length())
                  : metric.getFirst(),
              StandardCharsets.UTF_8);
      List<String> runs = objects(r, m, PROV.wasGeneratedBy.asNode());
      QualityMeasurement q =
          new QualityMeasurement(
              metricName,
              column,
              value.getLiteralLexicalForm(),
              time(r, m, PROV.generatedAtTime.asNode()),
              runs.isEmpty() ? null : runs.getFirst());
      String key = metricName + "|" + column;
      QualityMeasurement seen = latest.get(key);
      if (seen == null || later(q.measuredAt(), seen.measuredAt())) {
        latest.put(key, q);
      }
    }
    List<QualityMeasurement> out = new ArrayList<>(latest.values());
    out.sort(
        Comparator.comparing((QualityMeasurement q) -> q.column() == null ? "" : q.column())
            .thenComparing(QualityMeasurement::metric));
    return out;
  }

  private static boolean later(Instant a, Instant b) {
    return a != null && (b == null || a.isAfter(b));
  }

  private static List<String> subjects(GraphReader r, Node predicate, Node object) {
    return r.find(null, predicate, object).stream()
        .map(Triple::getSubject)
        .filter(Node::isURI)
        .map(Node::getURI)
        .distinct()
        .sorted()
        .toList();
  }

  private static List<String> objects(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isURI)
        .map(Node::getURI)
        .distinct()
        .sorted()
        .toList();
  }

  private static String literal(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isLiteral)
        .map(Node::getLiteralLexicalForm)
        .findFirst()
        .orElse(null);
  }

  private static Instant time(GraphReader r, Node subject, Node predicate) {
    String value = literal(r, subject, predicate);
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
