package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.ODRL;
import io.tessera.ontology.TESS;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

class PolicyMapperTest {
  private final IriMinter iris = new IriMinter("https://t.example");
  private final PolicyMapper mapper = new PolicyMapper(iris);

  @Test
  void shouldWriteOdrlAndReadTheSamePolicyBack() {
    Policy policy =
        new Policy(
            "customer",
            "eu-only",
            "Personal data stays with EU residents.",
            new Policy.Targets(Set.of("customer/profiles"), Set.of("customer"), Set.of("pii")),
            List.of(
                new Policy.Rule(
                    "permissions[0]",
                    Policy.Effect.PERMIT,
                    Set.of(Policy.Action.DISCOVER, Policy.Action.READ),
                    List.of(
                        new Policy.Constraint(
                            "permissions[0].constraints[0]", Operand.REGION, true, Set.of("eu")),
                        new Policy.Constraint(
                            "permissions[0].constraints[1]",
                            Operand.PURPOSE,
                            false,
                            Set.of("ads", "resale")))),
                new Policy.Rule(
                    "prohibitions[0]",
                    Policy.Effect.PROHIBIT,
                    Set.of(Policy.Action.READ),
                    List.of())),
            List.of(new Policy.ToxicCombination(Set.of("pii", "precise-location"), "restricted")));

    Graph graph = mapper.toGraph(policy);

    String iri = iris.policy("customer", "eu-only");
    assertThat(graph.contains(NodeFactory.createURI(iri), ODRL.permission.asNode(), null)).isTrue();
    assertThat(graph.contains(null, ODRL.action.asNode(), TESS.discover.asNode())).isTrue();
    assertThat(graph.contains(null, ODRL.leftOperand.asNode(), ODRL.spatial.asNode())).isTrue();
    assertThat(
            graph.contains(
                null, ODRL.target.asNode(), NodeFactory.createURI(iris.classification("pii"))))
        .isTrue();
    assertThat(mapper.fromGraph(graph)).isEqualTo(policy);
  }
}
