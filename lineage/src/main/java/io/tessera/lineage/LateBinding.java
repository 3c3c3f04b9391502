package io.tessera.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ProductRepository.PortKey;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Binds the ports of a product declared after its dataset was already produced: when a product
 * changes, every output port that is still planned but whose dataset a completed run has written is
 * bound to the earliest such run; a port whose promised dataset no run wrote under that name is
 * bound through a symlink, to the earliest completed run that wrote a dataset reporting the
 * promised one as a symlink (a table name Spark reports for the path it wrote).
 */
public final class LateBinding implements ChangeListener {
  private final ObjectMapper json = new ObjectMapper();
  private final GraphStore store;
  private final ProductRepository products;
  private final IriMinter iris;

  public LateBinding(GraphStore store, ProductRepository products, IriMinter iris) {
    this.store = store;
    this.products = products;
    this.iris = iris;
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    String prefix = iris.base() + "/product/";
    for (ChangeEvent change : changes) {
      if (change.kind() == ChangeEvent.EntityKind.DATA_PRODUCT
          && change.type() == ChangeEvent.ChangeType.UPSERT
          && change.entityIri().startsWith(prefix)) {
        String[] key = change.entityIri().substring(prefix.length()).split("/");
        if (key.length == 2) {
          bindProduced(key[0], key[1]);
        }
      }
    }
  }

  private void bindProduced(String domain, String name) {
    Optional<Product> product = products.find(domain, name);
    if (product.isEmpty()) {
      return;
    }
    for (Port port : product.get().outputPorts()) {
      if (port.binding() != null || port.dataset() == null) {
        continue;
      }
      store
          .read(r -> observed(r, port.dataset(), runs -> runs))
          .ifPresent(
              binding ->
                  store.write(
                      w -> products.bind(w, new PortKey(domain, name, port.name()), binding)));
    }
  }

  /**
   * The binding that the runs {@code seen} keeps (given the IRIs of every candidate run, it answers
   * those to consider) prove for a promised dataset, by the rule that binds ports: the earliest of
   * those completed runs that wrote it, else the earliest that wrote a dataset reporting it as a
   * symlink. With the runs observed by some past date, the binding the port had then.
   */
  public Optional<PortBinding> observed(DatasetRef promised, UnaryOperator<Set<String>> seen) {
    return store.read(r -> observed(r, promised, seen));
  }

  private Optional<PortBinding> observed(
      GraphReader r, DatasetRef promised, UnaryOperator<Set<String>> seen) {
    Node dataset = NodeFactory.createURI(iris.dataset(promised.namespace(), promised.name()));
    List<CompletedRun> direct = completedRuns(r, dataset);
    Map<Node, List<CompletedRun>> throughSymlink = new LinkedHashMap<>();
    for (Node written : LineageQueries.subjects(r, PROV.alternateOf.asNode(), dataset)) {
      throughSymlink.put(written, completedRuns(r, written));
    }
    Set<String> candidates = new HashSet<>();
    direct.forEach(run -> candidates.add(run.iri()));
    throughSymlink.values().forEach(runs -> runs.forEach(run -> candidates.add(run.iri())));
    Set<String> kept = candidates.isEmpty() ? Set.of() : seen.apply(candidates);
    Optional<CompletedRun> first = earliest(direct, kept);
    if (first.isPresent()) {
      return first.map(run -> new PortBinding(promised, run.endedAt(), run.iri()));
    }
    PortBinding earliest = null;
    for (Map.Entry<Node, List<CompletedRun>> entry : throughSymlink.entrySet()) {
      Node written = entry.getKey();
      String namespace = LineageQueries.literal(r, written, TESS.olNamespace.asNode());
      String writtenName = LineageQueries.literal(r, written, TESS.olName.asNode());
      Optional<CompletedRun> run = earliest(entry.getValue(), kept);
      if (namespace == null || writtenName == null || run.isEmpty()) {
        continue;
      }
      if (earliest == null || run.get().endedAt().isBefore(earliest.boundAt())) {
        earliest =
            new PortBinding(
                new DatasetRef(namespace, writtenName),
                run.get().endedAt(),
                run.get().iri(),
                new PortBinding.Symlink(promised, symlinkType(r, written, promised)));
      }
    }
    return Optional.ofNullable(earliest);
  }

  /** The type the latest symlinks facet of {@code written} gives {@code promised}, or null. */
  private String symlinkType(GraphReader r, Node written, DatasetRef promised) {
    Node facet = NodeFactory.createURI(written.getURI() + "/facet/symlinks");
    String value = LineageQueries.literal(r, facet, TESS.facetValue.asNode());
    if (value == null) {
      return null;
    }
    try {
      return FacetProjection.symlinkIdentifiers(json.readTree(value)).stream()
          .filter(link -> link.identifier().equals(promised))
          .map(PortBinding.Symlink::type)
          .filter(Objects::nonNull)
          .findFirst()
          .orElse(null);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private record CompletedRun(String iri, Instant endedAt) {}

  private static List<CompletedRun> completedRuns(GraphReader r, Node dataset) {
    return LineageQueries.subjects(r, PROV.generated.asNode(), dataset).stream()
        .filter(Node::isURI)
        .filter(run -> "COMPLETE".equals(LineageQueries.literal(r, run, TESS.runState.asNode())))
        .map(run -> new CompletedRun(run.getURI(), ended(r, run)))
        .filter(run -> run.endedAt() != null)
        .toList();
  }

  private static Optional<CompletedRun> earliest(List<CompletedRun> runs, Set<String> kept) {
    return runs.stream()
        .filter(run -> kept.contains(run.iri()))
        .min(Comparator.comparing(CompletedRun::endedAt));
  }

  private static Instant ended(GraphReader r, Node run) {
    String ended = LineageQueries.literal(r, run, PROV.endedAtTime.asNode());
    return ended == null ? null : Instant.parse(ended);
  }
}
