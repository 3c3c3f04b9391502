package io.tessera.governance;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Policies in the knowledge graph: one named graph of ODRL per policy. */
public class PolicyRepository {
  private final GraphStore store;
  private final IriMinter iris;
  private final PolicyMapper mapper;

  public PolicyRepository(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
    this.mapper = new PolicyMapper(iris);
  }

  /** Replaces the policy's graph (SHACL-validated with the write). */
  public void put(GraphWriter writer, Policy policy) {
    String graph = iris.policyGraph(policy.domain(), policy.name());
    writer.replaceGraph(graph, mapper.toGraph(policy));
    writer.changed(
        iris.policy(policy.domain(), policy.name()),
        ChangeEvent.EntityKind.POLICY,
        ChangeEvent.ChangeType.UPSERT);
  }

  /** Removes a policy. */
  public void remove(GraphWriter writer, String domain, String name) {
    writer.removeGraph(iris.policyGraph(domain, name));
    writer.changed(
        iris.policy(domain, name), ChangeEvent.EntityKind.POLICY, ChangeEvent.ChangeType.DELETE);
  }

  /** Whether the policy exists. */
  public boolean exists(GraphReader reader, String domain, String name) {
    return reader.containsGraph(iris.policyGraph(domain, name));
  }

  /** One policy. */
  public Optional<Policy> find(String domain, String name) {
    return store.read(
        r -> {
          String graph = iris.policyGraph(domain, name);
          return r.containsGraph(graph)
              ? Optional.of(mapper.fromGraph(r.graph(graph)))
              : Optional.empty();
        });
  }

  /** Every policy. */
  public List<Policy> list() {
    return store.read(
        r -> {
          List<Policy> policies = new ArrayList<>();
          for (String graph : r.graphNames(iris.policyGraphPrefix())) {
            policies.add(mapper.fromGraph(r.graph(graph)));
          }
          return policies;
        });
  }
}
