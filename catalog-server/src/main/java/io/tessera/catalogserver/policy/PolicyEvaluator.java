package io.tessera.catalogserver.policy;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.tessera.catalogserver.security.AccessScope;
import io.tessera.catalogserver.security.Principal;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.CatalogJob;
import io.tessera.graphstore.CatalogTerm;
import io.tessera.graphstore.CatalogVisitor;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the catalog's policies into access scopes. Policies and the product facts they look at
 * are compiled once and kept until the change feed reports a policy or product change; the scope of
 * a principal (identified by its roles, domains and attributes) is then cached until the next
 * change, so a request costs a map lookup.
 */
@Singleton
public class PolicyEvaluator implements ChangeListener, ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyEvaluator.class);
  private static final int MAX_CACHED_SCOPES = 10_000;

  private final PolicyRepository repository;
  private final CatalogEntities entities;
  private final IriMinter iris;
  private final FindingRepository findings;

  private final Set<String> changedProducts = ConcurrentHashMap.newKeySet();
  private volatile boolean policiesChanged = true;
  private volatile boolean reloadAll = true;
  private volatile CompiledPolicies compiled;
  private final Map<String, ProductFacts> facts = new HashMap<>();
  private final Map<List<Object>, Scopes> scopes = new ConcurrentHashMap<>();
  private List<Policy> policies = List.of();
  private Map<String, Set<String>> inherited = Map.of();

  private record Scopes(VisibilityScope discover, VisibilityScope read) {}

  public PolicyEvaluator(
      GraphStore store, PolicyRepository repository, IriMinter iris, FindingRepository findings) {
    this.findings = findings;
    this.repository = repository;
    this.iris = iris;
    this.entities = new CatalogEntities(store, iris);
    store.subscribe(this);
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    for (ChangeEvent change : changes) {
      switch (change.kind()) {
        case POLICY -> policiesChanged = true;
        case DATA_PRODUCT -> changedProducts.add(change.entityIri());
        case STORE -> reloadAll = true;
        default -> {}
      }
    }
  }

  /** Compiles the policies in the background at start-up, so the first request does not wait. */
  @Override
  public void onApplicationEvent(StartupEvent event) {
    Thread warm =
        new Thread(
            () -> {
              try {
                current();
              } catch (RuntimeException e) {
                LOG.warn("could not compile the policies at start-up; the first request will", e);
              }
            },
            "tessera-policy-compile");
    warm.setDaemon(true);
    warm.start();
  }

  /** The scope the policies grant a (non-admin) principal. */
  public AccessScope scopeFor(Principal principal) {
    CompiledPolicies current = current();
    List<Object> key = List.of(principal.roles(), principal.domains(), principal.attributes());
    Scopes s = scopes.get(key);
    if (s == null) {
      Set<String> hiddenDiscover = current.hidden(principal, Policy.Action.DISCOVER);
      Set<String> hiddenRead = current.hidden(principal, Policy.Action.READ);
      hiddenRead.addAll(hiddenDiscover);
      s =
          new Scopes(
              VisibilityScope.allGraphsExcept(current.graphs(hiddenDiscover)),
              VisibilityScope.allGraphsExcept(current.graphs(hiddenRead)));
      if (scopes.size() >= MAX_CACHED_SCOPES) {
        scopes.clear();
      }
      scopes.put(key, s);
    }
    return new AccessScope(principal, s.discover(), s.read());
  }

  /** Why a principal may or may not discover and read a product. */
  public Explanation explain(Principal principal, String domain, String name) {
    CompiledPolicies current = current();
    String key = domain + "/" + name;
    return new Explanation(
        key,
        principal.subject(),
        current.explain(principal, key, Policy.Action.DISCOVER),
        current.explain(principal, key, Policy.Action.READ));
  }

  /** The decision for each product and for reading them together (toxic combinations). */
  public Evaluation evaluate(Principal principal, List<String> keys) {
    CompiledPolicies current = current();
    Map<String, Explanation> each = new java.util.LinkedHashMap<>();
    Set<String> classifications = new HashSet<>();
    Set<String> domains = new HashSet<>();
    boolean allAllowed = true;
    for (String key : keys) {
      Explanation e =
          new Explanation(
              key,
              principal.subject(),
              current.explain(principal, key, Policy.Action.DISCOVER),
              current.explain(principal, key, Policy.Action.READ));
      each.put(key, e);
      allAllowed &= e.discover().allowed() && e.read().allowed();
      ProductFacts f = current.facts(key);
      if (f != null) {
        classifications.addAll(f.classifications());
        domains.add(f.domain());
      }
    }
    Set<String> combinedClasses = new java.util.TreeSet<>(classifications);
    List<String> toxic = new java.util.ArrayList<>();
    for (Policy p : current.policies()) {
      for (Policy.ToxicCombination t : p.toxicCombinations()) {
        if (classifications.containsAll(t.classifications())) {
          combinedClasses.add(t.result());
          toxic.add(
              p.key() + ": " + new java.util.TreeSet<>(t.classifications()) + " -> " + t.result());
        }
      }
    }
    Decision combined = current.combined(principal, combinedClasses, domains);
    if (!allAllowed && combined.allowed()) {
      combined = new Decision(false, "not every product may be read", null, null, null);
    }
    return new Evaluation(
        List.copyOf(each.values()), List.copyOf(combinedClasses), toxic, combined);
  }

  /** Forgets the compiled policies (e.g. after a finding changed what products inherit). */
  public void invalidate() {
    policiesChanged = true;
  }

  /** The products whose output ports promise or are bound to the dataset of this lineage graph. */
  public List<ProductFacts> productsProducing(String datasetGraph) {
    return current().producing(datasetGraph);
  }

  /** The policies in force. */
  public List<Policy> policies() {
    return current().policies();
  }

  /** The toxic combinations every policy declares. */
  public List<Policy.ToxicCombination> toxicCombinations() {
    return current().policies().stream().flatMap(p -> p.toxicCombinations().stream()).toList();
  }

  private CompiledPolicies current() {
    CompiledPolicies c = compiled;
    if (c != null && !policiesChanged && !reloadAll && changedProducts.isEmpty()) {
      return c;
    }
    synchronized (this) {
      boolean changed = false;
      if (reloadAll) {
        reloadAll = false;
        changedProducts.clear();
        facts.clear();
        entities.readAll(new FactsCollector());
        policiesChanged = true;
        changed = true;
      }
      if (!changedProducts.isEmpty()) {
        Set<String> batch = new HashSet<>(changedProducts);
        changedProducts.removeAll(batch);
        String prefix = iris.base() + "/product/";
        for (String productIri : batch) {
          String key = productIri.substring(prefix.length());
          entities
              .product(productIri)
              .ifPresentOrElse(
                  p -> facts.put(key, ProductFacts.of(p, iris)), () -> facts.remove(key));
        }
        changed = true;
      }
      if (policiesChanged) {
        policiesChanged = false;
        policies = repository.list();
        inherited = findings.inherited();
        changed = true;
      }
      if (changed || compiled == null) {
        Map<String, ProductFacts> effective = new HashMap<>(facts);
        inherited.forEach(
            (key, extra) -> {
              ProductFacts f = effective.get(key);
              if (f != null) {
                effective.put(key, f.inheriting(extra));
              }
            });
        compiled = new CompiledPolicies(policies, Map.copyOf(effective), iris);
        scopes.clear();
      }
      return compiled;
    }
  }

  private final class FactsCollector implements CatalogVisitor {
    @Override
    public void start(int entities) {}

    @Override
    public void domain(Domain domain) {}

    @Override
    public void product(Product product) {
      ProductFacts f = ProductFacts.of(product, iris);
      facts.put(f.key(), f);
    }

    @Override
    public void dataset(CatalogDataset dataset) {}

    @Override
    public void job(CatalogJob job) {}

    @Override
    public void term(CatalogTerm term) {}
  }
}
