package io.tessera.governance;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the catalog's policies into access scopes. Policies and the product facts they look at
 * are compiled once and kept until the change feed reports a policy or product change; the scope of
 * a principal (identified by its roles, domains and attributes) is then cached until the next
 * change, so a request costs a map lookup.
 */
public class PolicyEvaluator implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyEvaluator.class);
  private static final int MAX_CACHED_SCOPES = 10_000;

  private final PolicyRepository repository;
  private final GraphStore store;
  private final IriMinter iris;
  private final FindingStore findings;
  private final LineageMentions mentions;

  private final Set<String> changedProducts = ConcurrentHashMap.newKeySet();
  private volatile boolean policiesChanged = true;
  private volatile boolean reloadAll = true;
  private volatile CompiledPolicies compiled;
  private final Map<String, ProductFacts> facts = new HashMap<>();
  private final Map<List<Object>, Scopes> scopes = new ConcurrentHashMap<>();
  private List<Policy> policies = List.of();
  private Map<String, Set<String>> inherited = Map.of();

  /**
   * Bumped whenever cached scopes may be wrong (policies, products or a restricted dataset's
   * writing jobs changed); a scope computed under an older generation is computed again.
   */
  private final AtomicLong generation = new AtomicLong();

  private long lineageSeen = -1;

  /** The scopes of one principal, computed in one generation. */
  private record Scopes(VisibilityScope discover, VisibilityScope read, long generation) {}

  public PolicyEvaluator(
      GraphStore store,
      PolicyRepository repository,
      IriMinter iris,
      FindingStore findings,
      LineageMentions mentions) {
    this.findings = findings;
    this.mentions = mentions;
    this.repository = repository;
    this.iris = iris;
    this.store = store;
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

  /**
   * Compiles the policies (and reads which jobs write which datasets) in the background at
   * start-up, so the first request does not wait.
   */
  public void warmUp() {
    Thread warm =
        new Thread(
            () -> {
              try {
                if (current().restrictsAnything()) {
                  mentions.version();
                }
              } catch (RuntimeException e) {
                LOG.warn("could not compile the policies at start-up; the first request will", e);
              }
            },
            "tessera-policy-compile");
    warm.setDaemon(true);
    warm.start();
  }

  /**
   * The scope the policies grant a (non-admin) principal. A product it may not discover is hidden
   * with its datasets' lineage graphs and the jobs that write them (their names tell what they
   * produce; their runs go with them); a job that only reads such a dataset stays visible and shows
   * the dataset as restricted. Policy graphs are not part of the scope: only the graph-level reads
   * (SPARQL, export, the policy list) can show them, and they ask {@link #policyGraphsVisibleTo}.
   */
  public AccessScope scopeFor(Principal principal) {
    CompiledPolicies current = current();
    if (current.restrictsAnything()) {
      checkLineage(current);
    }
    long gen = generation.get();
    List<Object> key = List.of(principal.roles(), principal.domains(), principal.attributes());
    Scopes s = scopes.get(key);
    if (s == null || s.generation() != gen) {
      Set<String> hiddenDiscover = current.hidden(principal, Policy.Action.DISCOVER);
      Set<String> hiddenRead = current.hidden(principal, Policy.Action.READ);
      hiddenRead.addAll(hiddenDiscover);
      Set<String> discoverGraphs = current.graphs(hiddenDiscover);
      discoverGraphs.addAll(mentions.writersOf(discoverGraphs));
      Set<String> readGraphs = current.graphs(hiddenRead);
      s =
          new Scopes(
              VisibilityScope.allGraphsExcept(discoverGraphs),
              VisibilityScope.allGraphsExcept(readGraphs),
              gen);
      if (scopes.size() >= MAX_CACHED_SCOPES) {
        scopes.clear();
      }
      scopes.put(key, s);
    }
    return new AccessScope(principal, s.discover(), s.read());
  }

  /** The policy graphs a principal may see, as a scope over graphs (everything for an admin). */
  public VisibilityScope policyGraphsVisibleTo(Principal principal) {
    if (principal.isAdmin()) {
      return VisibilityScope.everything();
    }
    return VisibilityScope.allGraphsExcept(hiddenPolicyGraphs(principal, current().policies()));
  }

  /**
   * The policy graphs a principal may not see. A policy names the products it targets and the
   * attribute values that unlock them, so its graph is visible only to admins (who are not
   * evaluated here) and to the owners of the domain it governs; a global policy only to admins. A
   * principal that owns no domain has the whole policy graph prefix hidden, so that a policy
   * applied later is hidden from it as well; a domain owner has every global policy and the other
   * domains' policies hidden one by one.
   */
  Set<String> hiddenPolicyGraphs(Principal principal, List<Policy> policies) {
    if (principal.isAdmin() || policies.isEmpty()) {
      return Set.of();
    }
    String prefix = iris.policyGraphPrefix();
    if (!principal.roles().contains(Role.DOMAIN_OWNER) || principal.domains().isEmpty()) {
      return Set.of(prefix.substring(0, prefix.length() - 1));
    }
    Set<String> hidden = new HashSet<>();
    hidden.add(prefix + "global");
    for (Policy policy : policies) {
      if (policy.domain() != null && !principal.ownsDomain(policy.domain())) {
        hidden.add(iris.policyGraph(policy.domain(), policy.name()));
      }
    }
    return hidden;
  }

  // A job that starts or stops writing a dataset some policy restricts changes what scopes hide;
  // other lineage (the vast majority while pipelines run) leaves the cached scopes as they are.
  private synchronized void checkLineage(CompiledPolicies current) {
    LineageMentions.Since since = mentions.changesSince(lineageSeen);
    if (since.version() == lineageSeen) {
      return;
    }
    if (since.written() == null || current.restrictsAnyOf(since.written())) {
      generation.incrementAndGet();
    }
    lineageSeen = since.version();
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

  /**
   * Whether the product {@code domain/name} is in the catalog, as the compiled policies know it
   * (every product's facts are read). A caller's own visibility is not considered.
   */
  public boolean knows(String key) {
    return current().facts(key) != null;
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

  /**
   * For each product ({@code domain/name}), the policies that apply to it and which of their rules
   * do (see {@link AppliedPolicy}), from the compiled policies: no store read unless policies or
   * products changed since the last compilation. Whether the caller may see them is the caller's
   * business.
   */
  public Map<String, List<AppliedPolicy>> applying(java.util.Collection<String> keys) {
    CompiledPolicies current = current();
    Map<String, List<AppliedPolicy>> applying = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      applying.put(key, current.applying(key));
    }
    return applying;
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
        facts.putAll(store.readWithoutTimeout(r -> ProductFacts.read(r, iris, null)));
        policiesChanged = true;
        changed = true;
      }
      if (!changedProducts.isEmpty()) {
        Set<String> batch = new HashSet<>(changedProducts);
        changedProducts.removeAll(batch);
        String prefix = iris.base() + "/product/";
        Map<String, ProductFacts> read =
            store.read(
                r -> {
                  Map<String, ProductFacts> found = new HashMap<>();
                  for (String productIri : batch) {
                    found.putAll(ProductFacts.read(r, iris, productIri));
                  }
                  return found;
                });
        for (String productIri : batch) {
          String key = productIri.substring(prefix.length());
          ProductFacts f = read.get(key);
          if (f == null) {
            facts.remove(key);
          } else {
            facts.put(key, f);
          }
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
        generation.incrementAndGet();
        scopes.clear();
      }
      return compiled;
    }
  }
}
