package io.tessera.governance;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.ODRL;
import io.tessera.ontology.TESS;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * A {@link Policy} as ODRL 2.2 (an {@code odrl:Set} with {@code odrl:permission} and {@code
 * odrl:prohibition} rules, {@code odrl:constraint}s with {@code odrl:isAnyOf}/{@code
 * odrl:isNoneOf}, {@code tess:discover} beside {@code odrl:read}) and back. Targets are the IRIs of
 * products, domains and classifications; rules and constraints get IRIs under the policy's so their
 * order (and the labels explanations use) survives.
 */
public final class PolicyMapper {
  private final IriMinter iris;
  private final String productPrefix;
  private final String domainPrefix;
  private final String classificationPrefix;

  public PolicyMapper(IriMinter iris) {
    this.iris = iris;
    this.productPrefix = iris.base() + "/product/";
    this.domainPrefix = iris.base() + "/domain/";
    this.classificationPrefix = iris.base() + "/classification/";
  }

  /** The policy's graph. */
  public Graph toGraph(Policy policy) {
    Model m = ModelFactory.createDefaultModel();
    String iri = iris.policy(policy.domain(), policy.name());
    Resource p =
        m.createResource(iri)
            .addProperty(RDF.type, ODRL.Set)
            .addProperty(ODRL.uid, m.createResource(iri));
    p.addProperty(DCTerms.identifier, policy.name());
    if (policy.description() != null) {
      p.addProperty(DCTerms.description, policy.description());
    }
    if (policy.domain() != null) {
      p.addProperty(TESS.policyDomain, m.createResource(iris.domain(policy.domain())));
    }
    if (policy.access() != null) {
      if (policy.access().approval() != null) {
        p.addProperty(TESS.approvalMode, policy.access().approval().slug());
      }
      if (policy.access().maxDays() != null) {
        p.addLiteral(
            TESS.maxAgreementDuration,
            m.createTypedLiteral(
                "P" + policy.access().maxDays() + "D",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDduration));
      }
    }
    List<Resource> targets = new ArrayList<>();
    for (String product : policy.targets().products()) {
      String[] parts = product.split("/", 2);
      targets.add(m.createResource(iris.product(parts[0], parts[1])));
    }
    policy.targets().domains().forEach(d -> targets.add(m.createResource(iris.domain(d))));
    policy
        .targets()
        .classifications()
        .forEach(c -> targets.add(m.createResource(iris.classification(c))));
    if (policy.rules().isEmpty()) {
      targets.forEach(t -> p.addProperty(ODRL.target, t)); // a policy that only says how to ask
    }
    for (int i = 0; i < policy.rules().size(); i++) {
      Policy.Rule rule = policy.rules().get(i);
      boolean permit = rule.effect() == Policy.Effect.PERMIT;
      Resource r =
          m.createResource(iri + "/rule/" + i)
              .addProperty(RDF.type, permit ? ODRL.Permission : ODRL.Prohibition)
              .addProperty(DCTerms.identifier, rule.label());
      p.addProperty(permit ? ODRL.permission : ODRL.prohibition, r);
      targets.forEach(t -> r.addProperty(ODRL.target, t));
      for (Policy.Action action : rule.actions()) {
        r.addProperty(ODRL.action, action == Policy.Action.READ ? ODRL.read : TESS.discover);
      }
      for (int j = 0; j < rule.constraints().size(); j++) {
        Policy.Constraint c = rule.constraints().get(j);
        Resource cr =
            m.createResource(iri + "/rule/" + i + "/constraint/" + j)
                .addProperty(RDF.type, ODRL.Constraint)
                .addProperty(DCTerms.identifier, c.label())
                .addProperty(ODRL.leftOperand, c.operand().odrl())
                .addProperty(ODRL.operator, c.anyOf() ? ODRL.isAnyOf : ODRL.isNoneOf);
        c.values().stream().sorted().forEach(v -> cr.addProperty(ODRL.rightOperand, v));
        r.addProperty(ODRL.constraint, cr);
      }
    }
    for (int i = 0; i < policy.toxicCombinations().size(); i++) {
      Policy.ToxicCombination t = policy.toxicCombinations().get(i);
      Resource tr =
          m.createResource(iri + "/combination/" + i)
              .addProperty(RDF.type, TESS.ToxicCombination)
              .addProperty(
                  TESS.resultClassification, m.createResource(iris.classification(t.result())));
      t.classifications()
          .forEach(c -> tr.addProperty(TESS.combines, m.createResource(iris.classification(c))));
      p.addProperty(TESS.toxicCombination, tr);
    }
    return m.getGraph();
  }

  /** Reads a policy back from its graph. */
  public Policy fromGraph(Graph graph) {
    Model m = ModelFactory.createModelForGraph(graph);
    Resource p = m.listSubjectsWithProperty(RDF.type, ODRL.Set).next();
    String domain =
        p.hasProperty(TESS.policyDomain)
            ? p.getPropertyResourceValue(TESS.policyDomain)
                .getURI()
                .substring(domainPrefix.length())
            : null;
    String name = p.getProperty(DCTerms.identifier).getString();
    String description =
        p.hasProperty(DCTerms.description) ? p.getProperty(DCTerms.description).getString() : null;
    Set<String> products = new HashSet<>();
    Set<String> domains = new HashSet<>();
    Set<String> classifications = new HashSet<>();
    List<Resource> rules = new ArrayList<>();
    p.listProperties(ODRL.permission).forEach(s -> rules.add(s.getResource()));
    p.listProperties(ODRL.prohibition).forEach(s -> rules.add(s.getResource()));
    rules.sort(Comparator.comparingInt(r -> index(r.getURI())));
    List<Policy.Rule> parsed = new ArrayList<>();
    List<Resource> targetHolders = new ArrayList<>(rules);
    targetHolders.add(p);
    for (Resource holder : targetHolders) {
      for (Statement t : holder.listProperties(ODRL.target).toList()) {
        String target = t.getResource().getURI();
        if (target.startsWith(productPrefix)) {
          products.add(target.substring(productPrefix.length()));
        } else if (target.startsWith(domainPrefix)) {
          domains.add(target.substring(domainPrefix.length()));
        } else if (target.startsWith(classificationPrefix)) {
          classifications.add(target.substring(classificationPrefix.length()));
        }
      }
    }
    for (Resource r : rules) {
      Set<Policy.Action> actions = EnumSet.noneOf(Policy.Action.class);
      r.listProperties(ODRL.action)
          .forEach(
              a ->
                  actions.add(
                      a.getResource().equals(ODRL.read)
                          ? Policy.Action.READ
                          : Policy.Action.DISCOVER));
      List<Resource> constraints = new ArrayList<>();
      r.listProperties(ODRL.constraint).forEach(s -> constraints.add(s.getResource()));
      constraints.sort(Comparator.comparingInt(c -> index(c.getURI())));
      List<Policy.Constraint> cs = new ArrayList<>();
      for (Resource c : constraints) {
        Set<String> values = new HashSet<>();
        c.listProperties(ODRL.rightOperand).forEach(v -> values.add(v.getString()));
        cs.add(
            new Policy.Constraint(
                c.getProperty(DCTerms.identifier).getString(),
                Operand.fromOdrl(c.getPropertyResourceValue(ODRL.leftOperand).getURI())
                    .orElseThrow(),
                c.getPropertyResourceValue(ODRL.operator).equals(ODRL.isAnyOf),
                values));
      }
      parsed.add(
          new Policy.Rule(
              r.getProperty(DCTerms.identifier).getString(),
              r.hasProperty(RDF.type, ODRL.Permission)
                  ? Policy.Effect.PERMIT
                  : Policy.Effect.PROHIBIT,
              actions,
              cs));
    }
    List<Policy.ToxicCombination> combinations = new ArrayList<>();
    List<Resource> toxic = new ArrayList<>();
    p.listProperties(TESS.toxicCombination).forEach(s -> toxic.add(s.getResource()));
    toxic.sort(Comparator.comparingInt(t -> index(t.getURI())));
    for (Resource t : toxic) {
      Set<String> combined = new HashSet<>();
      t.listProperties(TESS.combines).forEach(c -> combined.add(classification(c.getObject())));
      combinations.add(
          new Policy.ToxicCombination(
              combined, classification(t.getProperty(TESS.resultClassification).getObject())));
    }
    return new Policy(
        domain,
        name,
        description,
        new Policy.Targets(products, domains, classifications),
        parsed,
        combinations,
        access(p));
  }

  private static Policy.Access access(Resource p) {
    Statement mode = p.getProperty(TESS.approvalMode);
    Statement max = p.getProperty(TESS.maxAgreementDuration);
    if (mode == null && max == null) {
      return null;
    }
    Integer days = null;
    if (max != null) {
      String lexical = max.getLiteral().getLexicalForm();
      days = Integer.parseInt(lexical.substring(1, lexical.length() - 1));
    }
    return new Policy.Access(
        mode == null
            ? null
            : Policy.Approval.valueOf(mode.getString().toUpperCase(java.util.Locale.ROOT)),
        days);
  }

  private String classification(RDFNode node) {
    return node.asResource().getURI().substring(classificationPrefix.length());
  }

  private static int index(String iri) {
    return Integer.parseInt(iri.substring(iri.lastIndexOf('/') + 1));
  }
}
