package io.tessera.catalogserver.health;

import io.tessera.graphstore.DatasetLinks;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.LineageAssembler;
import io.tessera.graphstore.ObservedJob;
import io.tessera.graphstore.ObservedRun;
import io.tessera.graphstore.SchemaVersion;
import io.tessera.ontology.DQV;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Reads, inside a caller's read transaction, what lineage observed about a port's dataset: the
 * finished runs of the jobs that write it, the data-quality assertion results reported on it
 * (boolean DQV measurements, as the lineage projection records {@code dataQualityAssertions}) and
 * its schema versions with their {@code tess:SchemaChange}s.
 */
final class LineageSignals {
  private static final int MAX_RUNS_PER_JOB = 1000;
  private static final String XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
  private static final Set<String> FINISHED = Set.of("COMPLETE", "FAIL", "ABORT");

  private final LineageAssembler assembler;
  private final IriMinter iris;

  LineageSignals(IriMinter iris) {
    this.iris = iris;
    this.assembler = new LineageAssembler(iris);
  }

  /** The finished runs of the jobs writing the dataset, newest first. */
  List<PortSignals.Run> runs(GraphReader r, String datasetIri) {
    DatasetLinks links = assembler.datasetLinks(r, datasetIri);
    List<PortSignals.Run> runs = new ArrayList<>();
    for (String jobIri : links.producedBy()) {
      ObservedJob job = assembler.job(r, jobIri);
      if (job == null) {
        continue;
      }
      job.runs().stream()
          .limit(MAX_RUNS_PER_JOB)
          .map(iri -> assembler.run(r, iri))
          .filter(run -> run != null && run.state() != null && FINISHED.contains(run.state()))
          .forEach(run -> runs.add(run(run, jobIri)));
    }
    runs.sort(
        Comparator.comparing(
                PortSignals.Run::endedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed());
    return runs;
  }

  private static PortSignals.Run run(ObservedRun run, String jobIri) {
    Instant end = run.endedAt() != null ? run.endedAt() : run.startedAt();
    return new PortSignals.Run(run.iri(), jobIri, run.state(), end, run.errorMessage());
  }

  /** The assertion results on the dataset and its columns. */
  List<PortSignals.Assertion> assertions(
      GraphReader r, String datasetIri, List<String> declaredColumns) {
    Set<String> columns = new LinkedHashSet<>(declaredColumns);
    for (SchemaVersion v : assembler.datasetLinks(r, datasetIri).versions()) {
      v.columns().stream().map(FieldDef::name).forEach(columns::add);
    }
    List<Node> targets = new ArrayList<>();
    targets.add(NodeFactory.createURI(datasetIri));
    columns.forEach(c -> targets.add(NodeFactory.createURI(iris.datasetField(datasetIri, c))));
    List<PortSignals.Assertion> out = new ArrayList<>();
    for (Node target : targets) {
      for (Triple t : r.find(null, DQV.computedOn.asNode(), target)) {
        Node m = t.getSubject();
        Node value = object(r, m, DQV.value.asNode());
        if (value == null
            || !value.isLiteral()
            || !XSD_BOOLEAN.equals(value.getLiteralDatatypeURI())) {
          continue;
        }
        Node metric = object(r, m, DQV.isMeasurementOf.asNode());
        out.add(
            new PortSignals.Assertion(
                metric == null ? "" : metric.getURI(),
                Boolean.parseBoolean(value.getLiteralLexicalForm()),
                time(object(r, m, PROV.generatedAtTime.asNode()))));
      }
    }
    return out;
  }

  /** The schema versions of the dataset, newest first, with their changes. */
  List<SchemaChangeView.Version> schemaVersions(GraphReader r, String datasetIri) {
    List<SchemaVersion> versions = assembler.datasetLinks(r, datasetIri).versions();
    Map<String, List<SchemaChangeView.Change>> byVersion = new TreeMap<>();
    for (Triple t : r.find(NodeFactory.createURI(datasetIri), TESS.schemaChange.asNode(), null)) {
      Node c = t.getObject();
      if (!c.isURI()) {
        continue;
      }
      String iri = c.getURI();
      int cut = iri.lastIndexOf("/change/");
      String version = cut < 0 ? iri : iri.substring(0, cut);
      Node run = object(r, c, PROV.wasGeneratedBy.asNode());
      List<String> impacts =
          r.find(c, TESS.impacts.asNode(), null).stream()
              .map(Triple::getObject)
              .filter(Node::isURI)
              .map(Node::getURI)
              .sorted()
              .toList();
      byVersion
          .computeIfAbsent(version, k -> new ArrayList<>())
          .add(
              new SchemaChangeView.Change(
                  text(object(r, c, TESS.changeKind.asNode())),
                  text(object(r, c, TESS.fieldName.asNode())),
                  text(object(r, c, TESS.before.asNode())),
                  text(object(r, c, TESS.after.asNode())),
                  "true".equals(text(object(r, c, TESS.breaking.asNode()))),
                  time(object(r, c, PROV.generatedAtTime.asNode())),
                  run == null ? null : run.getURI(),
                  impacts));
    }
    List<SchemaChangeView.Version> out = new ArrayList<>();
    for (SchemaVersion v : versions) {
      List<SchemaChangeView.Change> changes =
          new ArrayList<>(byVersion.getOrDefault(v.iri(), List.of()));
      changes.sort(
          Comparator.comparing(
              SchemaChangeView.Change::field,
              Comparator.nullsFirst(Comparator.<String>naturalOrder())));
      out.add(
          new SchemaChangeView.Version(
              v.version(),
              v.iri(),
              v.observedAt(),
              v.runIri(),
              v.columns().stream().map(FieldDef::name).toList(),
              changes.stream().anyMatch(SchemaChangeView.Change::breaking),
              changes));
    }
    return out;
  }

  private static Node object(GraphReader r, Node s, Node p) {
    return r.find(s, p, null).stream().map(Triple::getObject).findFirst().orElse(null);
  }

  private static String text(Node n) {
    if (n == null) {
      return null;
    }
    return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : null;
  }

  private static Instant time(Node n) {
    String value = text(n);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
