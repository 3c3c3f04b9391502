package io.tessera.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ProductRepository.PortKey;
import io.tessera.lineage.LineageEvent.Dataset;
import io.tessera.lineage.LineageEvent.DatasetEvent;
import io.tessera.lineage.LineageEvent.Job;
import io.tessera.lineage.LineageEvent.JobEvent;
import io.tessera.lineage.LineageEvent.RunEvent;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Projects journal entries into the lineage graphs, a batch per write transaction: a graph per job
 * (what it reads and writes, dataset- and column-level derivations, its facets), a graph per run
 * (state, times, parent, inputs, outputs, quality measurements, facets) and a graph per dataset
 * (identity, documentation, owners, symlinks, schema versions and changes, lifecycle, facets). A
 * run that completes writing a dataset a product promises binds the product's port, turning the
 * product physical. The journal position projected through is stored in the same transaction, so
 * projection resumes exactly where it stopped and replaying the journal rebuilds the same graphs.
 */
public final class LineageProjector {
  /**
   * The version of the lineage graphs' layout. 2: run graphs sit under their job's graph (1 had
   * them under {@code /graph/lineage/run/}).
   */
  public static final int LAYOUT = 2;

  private final GraphStore store;
  private final ProductRepository products;
  private final IriMinter iris;
  private final SchemaHistory schemas;
  private final FacetProjection facets;

  public LineageProjector(GraphStore store, ProductRepository products, IriMinter iris) {
    this.store = store;
    this.products = products;
    this.iris = iris;
    this.schemas = new SchemaHistory(iris);
    this.facets = new FacetProjection(iris);
  }

  /** The last journal position projected into the graph (0 when nothing has been). */
  public long position() {
    return store.read(
        r ->
            r
                .find(
                    NodeFactory.createURI(iris.lineageStateGraph()),
                    TESS.journalPosition.asNode(),
                    null)
                .stream()
                .mapToLong(t -> Long.parseLong(t.getObject().getLiteralLexicalForm()))
                .max()
                .orElse(0));
  }

  /**
   * Whether the lineage graphs were written in this version's layout: true for an empty store,
   * false for graphs an earlier version projected (their names differ), which must be rebuilt from
   * the journal.
   */
  public boolean layoutCurrent() {
    return store.read(
        r -> {
          Node state = NodeFactory.createURI(iris.lineageStateGraph());
          if (r.find(state, TESS.journalPosition.asNode(), null).isEmpty()) {
            return true;
          }
          return r.find(state, TESS.lineageLayout.asNode(), null).stream()
              .anyMatch(t -> String.valueOf(LAYOUT).equals(t.getObject().getLiteralLexicalForm()));
        });
  }

  /** Projects entries, in journal order, in one transaction. */
  public ProjectionResult project(List<JournalEntry> entries) {
    List<PortKey> bound = new ArrayList<>();
    List<ProjectionResult.DetectedChange> changes = new ArrayList<>();
    long last = entries.isEmpty() ? position() : entries.getLast().position();
    boolean[] announced = {false};
    long revision =
        store.write(
            w -> {
              ProjectionBatch batch = new ProjectionBatch(w);
              for (JournalEntry entry : entries) {
                switch (entry.event()) {
                  case RunEvent e -> run(batch, e, bound, changes);
                  case DatasetEvent e ->
                      dataset(batch, e.dataset(), null, e.eventTime(), changes, false);
                  case JobEvent e -> job(batch, e.job(), e.inputs(), e.outputs());
                }
              }
              setPosition(batch, last);
              announced[0] = batch.flush();
            });
    return new ProjectionResult(last, entries.size(), bound, changes, announced[0] ? revision : 0);
  }

  /**
   * Moves the projected position past an event that cannot be projected; the event stays in the
   * journal, and a rebuild tries it again.
   */
  public void skip(long position) {
    store.write(
        w -> {
          ProjectionBatch batch = new ProjectionBatch(w);
          setPosition(batch, position);
          batch.flush();
        });
  }

  private void setPosition(ProjectionBatch batch, long position) {
    Model state = batch.graph(iris.lineageStateGraph());
    RdfTerms.set(
        state.createResource(iris.lineageStateGraph()),
        TESS.journalPosition,
        state.createTypedLiteral(position, XSDDatatype.XSDinteger));
    RdfTerms.set(
        state.createResource(iris.lineageStateGraph()),
        TESS.lineageLayout,
        state.createTypedLiteral(LAYOUT, XSDDatatype.XSDinteger));
  }

  /** Removes every lineage graph and the projected position, before replaying the journal. */
  public void clear() {
    store.write(
        w -> {
          for (String graph : w.graphNames(iris.lineageGraphPrefix())) {
            w.removeGraph(graph);
          }
          w.changed(
              iris.lineageStateGraph(), ChangeEvent.EntityKind.STORE, ChangeEvent.ChangeType.RESET);
        });
  }

  private void run(
      ProjectionBatch batch,
      RunEvent e,
      List<PortKey> bound,
      List<ProjectionResult.DetectedChange> changes) {
    String runIri = iris.run(e.runId());
    Resource job = job(batch, e.job(), e.inputs(), e.outputs());
    Model m = batch.graph(iris.runGraph(e.job().namespace(), e.job().name(), e.runId()));
    Resource run = m.createResource(runIri).addProperty(RDF.type, PROV.Activity);
    RdfTerms.set(run, TESS.job, m.createResource(job.getURI()));
    state(run, e);
    for (Dataset in : e.inputs()) {
      run.addProperty(PROV.used, m.createResource(iris.dataset(in.namespace(), in.name())));
    }
    for (Dataset out : e.outputs()) {
      run.addProperty(PROV.generated, m.createResource(iris.dataset(out.namespace(), out.name())));
    }
    facets.runFacets(run, e.runFacets());
    facets.quality(run, e.inputs(), e.outputs(), e.eventTime());
    for (Dataset in : e.inputs()) {
      dataset(batch, in, runIri, e.eventTime(), changes, true);
    }
    for (Dataset out : e.outputs()) {
      dataset(batch, out, runIri, e.eventTime(), changes, false);
    }
    batch.changed(runIri, ChangeEvent.EntityKind.RUN);
    if (e.eventType() == EventType.COMPLETE) {
      bind(batch, e, runIri, bound);
    }
  }

  /**
   * Binds the output ports that promise a dataset the completed run wrote: first those promising an
   * output's own namespace and name, then those promising one of its symlink identifiers (the table
   * name Spark, Hive, Glue or Unity report for a storage path, or the location of a table), so that
   * a port promising the path itself never binds through a symlink of another output.
   */
  private void bind(ProjectionBatch batch, RunEvent e, String runIri, List<PortKey> bound) {
    java.time.Instant at = e.eventTime().toInstant();
    for (Dataset out : e.outputs()) {
      bound.addAll(
          products.bindObservedDataset(
              batch.writer(), new DatasetRef(out.namespace(), out.name()), at, runIri));
    }
    for (Dataset out : e.outputs()) {
      DatasetRef written = new DatasetRef(out.namespace(), out.name());
      for (PortBinding.Symlink link : FacetProjection.symlinks(out.facets())) {
        if (!link.identifier().equals(written)) {
          bound.addAll(
              products.bindPromised(
                  batch.writer(), link.identifier(), new PortBinding(written, at, runIri, link)));
        }
      }
    }
  }

  /** Keeps the state of the latest event; START sets the start, COMPLETE/ABORT/FAIL the end. */
  private static void state(Resource run, RunEvent e) {
    Model m = run.getModel();
    var modified = run.getProperty(DCTerms.modified);
    boolean latest =
        modified == null || !e.eventTime().toInstant().isBefore(instant(modified.getString()));
    if (latest) {
      RdfTerms.set(run, TESS.runState, m.createLiteral(e.eventType().name()));
      RdfTerms.set(run, DCTerms.modified, RdfTerms.time(m, e.eventTime()));
    }
    if (e.eventType() == EventType.START) {
      var started = run.getProperty(PROV.startedAtTime);
      if (started == null || e.eventTime().toInstant().isBefore(instant(started.getString()))) {
        RdfTerms.set(run, PROV.startedAtTime, RdfTerms.time(m, e.eventTime()));
      }
    }
    if (e.eventType().terminal()) {
      RdfTerms.set(run, PROV.endedAtTime, RdfTerms.time(m, e.eventTime()));
    }
  }

  private Resource job(
      ProjectionBatch batch, Job job, List<Dataset> inputs, List<Dataset> outputs) {
    String jobIri = iris.job(job.namespace(), job.name());
    String graph = iris.jobGraph(job.namespace(), job.name());
    Model m = batch.graph(graph);
    if (batch.repeats(graph, JobDescription.of(job, inputs, outputs))) {
      return m.createResource(jobIri);
    }
    Resource r =
        m.createResource(jobIri)
            .addProperty(RDF.type, PROV.Plan)
            .addProperty(RDF.type, PROV.Entity);
    RdfTerms.set(r, RDFS.label, m.createLiteral(job.name()));
    RdfTerms.set(r, TESS.olNamespace, m.createLiteral(job.namespace()));
    RdfTerms.set(r, TESS.olName, m.createLiteral(job.name()));
    facets.jobFacets(r, job.facets());
    for (Dataset in : inputs) {
      r.addProperty(TESS.reads, RdfTerms.dataset(m, iris, in.namespace(), in.name()));
    }
    for (Dataset out : outputs) {
      Resource ds = RdfTerms.dataset(m, iris, out.namespace(), out.name());
      r.addProperty(TESS.writes, ds);
      for (Dataset in : inputs) {
        ds.addProperty(
            PROV.wasDerivedFrom, m.createResource(iris.dataset(in.namespace(), in.name())));
      }
      facets.columnLineage(m, ds, out.facets().path("columnLineage"));
    }
    batch.changed(jobIri, ChangeEvent.EntityKind.JOB);
    return r;
  }

  /**
   * Projects a dataset an event reads or writes. The schema a reader reports of a dataset that a
   * product promises is not taken as its observed schema: that comes from the jobs that write it
   * (and from dataset events), so a pipeline that only reads a product's data cannot change what
   * the product is observed to hold.
   */
  private void dataset(
      ProjectionBatch batch,
      Dataset dataset,
      String runIri,
      OffsetDateTime at,
      List<ProjectionResult.DetectedChange> changes,
      boolean read) {
    String graph = iris.datasetGraph(dataset.namespace(), dataset.name());
    ObjectNode datasetFacets = dataset.facets();
    // the run matters only to a lifecycle change (a DROP names the run that invalidated it)
    String invalidating = datasetFacets.has("lifecycleStateChange") ? runIri : null;
    Model m = batch.graph(graph);
    if (batch.repeats(graph, new DatasetDescription(datasetFacets, read, invalidating))) {
      return;
    }
    Resource ds = RdfTerms.dataset(m, iris, dataset.namespace(), dataset.name());
    facets.datasetFacets(ds, datasetFacets, runIri);
    JsonNode schema = datasetFacets.path("schema");
    if (schema.isObject()
        && !schema.path("_deleted").asBoolean(false)
        && !(read && promised(batch, ds))) {
      for (SchemaDiff.Change change :
          schemas.observe(batch, ds, SchemaDiff.columns(schema), runIri, at)) {
        changes.add(new ProjectionResult.DetectedChange(ds.getURI(), change));
      }
    }
    batch.changed(ds.getURI(), ChangeEvent.EntityKind.DATASET);
  }

  /**
   * What {@link #job} writes into a job's graph is a function of these alone: its facets, the
   * datasets it reads, and the datasets it writes with their column lineage.
   */
  private record JobDescription(ObjectNode facets, List<DatasetRef> inputs, List<Output> outputs) {
    static JobDescription of(Job job, List<Dataset> inputs, List<Dataset> outputs) {
      return new JobDescription(
          job.facets(),
          inputs.stream().map(d -> new DatasetRef(d.namespace(), d.name())).toList(),
          outputs.stream()
              .map(
                  d ->
                      new Output(
                          new DatasetRef(d.namespace(), d.name()),
                          d.facets().path("columnLineage")))
              .toList());
    }
  }

  /** A dataset a job writes, with the column lineage it reports. */
  private record Output(DatasetRef dataset, JsonNode columnLineage) {}

  /**
   * What {@link #dataset} writes into a dataset's graph is a function of these alone once the first
   * of equal descriptions has been applied (a schema observed again is unchanged).
   */
  private record DatasetDescription(ObjectNode facets, boolean read, String invalidatingRun) {}

  /** Whether an output port of some product promises the dataset. */
  private static boolean promised(ProjectionBatch batch, Resource dataset) {
    return !batch.writer().find(null, DCAT.servesDataset.asNode(), dataset.asNode()).isEmpty();
  }

  private static java.time.Instant instant(String lexical) {
    return java.time.Instant.parse(lexical);
  }
}
