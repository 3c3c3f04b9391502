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
  private final AgreementRepository agreementRepository;
  private final java.time.Clock clock;
  private volatile boolean agreementsChanged = true;
  private final Set<String> changedAgreements = ConcurrentHashMap.newKeySet();
  private final Map<String, Agreement> agreementsByIri = new HashMap<>();
  private volatile Map<String, List<Agreement>> agreements = Map.of();

  /** The agreements indexed for the lookups other than by assignee; replaced with them. */
  private record AgreementIndex(
      Map<String, Agreement> byId, Map<String, List<Agreement>> byProduct, Set<String> domains) {}

  private volatile AgreementIndex agreementIndex = new AgreementIndex(Map.of(), Map.of(), Set.of());

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
    this(store, repository, iris, findings, mentions, null, java.time.Clock.systemUTC());
  }

  /**
   * @param agreements where usage agreements are read from (null: none are)
   * @param clock decides which agreements are active (expiry takes effect by it)
   */
  public PolicyEvaluator(
      GraphStore store,
      PolicyRepository repository,
      IriMinter iris,
      FindingStore findings,
      LineageMentions mentions,
      AgreementRepository agreements,
      java.time.Clock clock) {
    this.agreementRepository = agreements;
    this.clock = clock;
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
        case AGREEMENT -> changedAgreements.add(change.entityIri());
        case DATA_PRODUCT -> changedProducts.add(change.entityIri());
        case STORE -> {
          reloadAll = true;
          agreementsChanged = true;
        }
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
    List<Agreement> active = activeAgreements(principal);
    List<Object> key =
        List.of(principal.roles(), principal.domains(), principal.attributes(), grants(active));
    Scopes s = scopes.get(key);
    if (s == null || s.generation() != gen) {
      Set<String> hiddenDiscover = current.hidden(principal, Policy.Action.DISCOVER);
      Set<String> hiddenRead = current.hidden(principal, Policy.Action.READ);
      current.grant(hiddenDiscover, principal, active, Policy.Action.DISCOVER);
      current.grant(hiddenRead, principal, active, Policy.Action.READ);
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

  /**
   * The policy and agreement graphs a principal may see, as a scope over graphs (everything for an
   * admin).
   */
  public VisibilityScope policyGraphsVisibleTo(Principal principal) {
    if (principal.isAdmin()) {
      return VisibilityScope.everything();
    }
    Set<String> hidden = new HashSet<>(hiddenPolicyGraphs(principal, current().policies()));
    hidden.addAll(hiddenAgreementGraphs(principal));
    return VisibilityScope.allGraphsExcept(hidden);
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

  /**
   * The agreement graphs a principal may not see: an agreement names its assignee and purpose, so
   * only admins and the owners of the product's domain see it in graph-level reads (the assignee
   * sees its own through the API). A principal that owns no domain has the whole prefix hidden; a
   * domain owner the other domains' agreements, domain by domain.
   */
  Set<String> hiddenAgreementGraphs(Principal principal) {
    if (principal.isAdmin()) {
      return Set.of();
    }
    String prefix = iris.agreementGraphPrefix();
    if (!principal.roles().contains(Role.DOMAIN_OWNER) || principal.domains().isEmpty()) {
      return Set.of(prefix.substring(0, prefix.length() - 1));
    }
    Set<String> hidden = new HashSet<>();
    agreements();
    for (String domain : agreementIndex.domains()) {
      if (!principal.ownsDomain(domain)) {
        hidden.add(prefix + domain);
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

  /** Why a principal may or may not discover and read a product (its agreements included). */
  public Explanation explain(Principal principal, String domain, String name) {
    CompiledPolicies current = current();
    String key = domain + "/" + name;
    List<Agreement> active = activeAgreements(principal);
    return new Explanation(
        key,
        principal.subject(),
        current.explain(principal, key, Policy.Action.DISCOVER, active),
        current.explain(principal, key, Policy.Action.READ, active));
  }

  /**
   * The run-time decision a query engine or a port's sidecar enforces: whether the principal may
   * perform the action on the product (or one of its output ports) for a purpose. A stated purpose
   * counts only if the principal holds it (its {@code purposes} attribute) or an agreement on the
   * target grants it; an agreement with a purpose code counts only for that purpose, and one on a
   * port only for that port. Without a purpose, the principal's own purposes count and agreements
   * with a purpose code do not.
   */
  public Decision decide(
      Principal principal, String product, String port, Policy.Action action, String purpose) {
    CompiledPolicies current = current();
    List<Agreement> matching =
        activeAgreements(principal).stream()
            .filter(a -> a.product().equals(product))
            .filter(a -> a.port() == null || a.port().equals(port))
            .filter(
                a -> a.purposeCode() == null || purpose != null && a.purposeCode().equals(purpose))
            .toList();
    Principal stated = principal;
    if (purpose != null) {
      Set<String> held = principal.attribute(Operand.PURPOSE.attribute());
      Map<String, Set<String>> attributes = new HashMap<>(principal.attributes());
      attributes.put(
          Operand.PURPOSE.attribute(), held.contains(purpose) ? Set.of(purpose) : Set.of());
      stated =
          new Principal(
              principal.subject(),
              principal.roles(),
              principal.domains(),
              attributes,
              principal.namespaces());
    }
    if (action == Policy.Action.READ) {
      Decision discover = current.explain(stated, product, Policy.Action.DISCOVER, matching);
      if (!discover.allowed()) {
        return discover;
      }
    }
    return current.explain(stated, product, action, matching);
  }

  /** The agreement with this id, in any state, or null. */
  public Agreement agreement(String id) {
    agreements();
    return agreementIndex.byId().get(id);
  }

  /** The agreements of one product that are active now. */
  public List<Agreement> activeAgreementsOn(String product) {
    agreements();
    java.time.Instant now = clock.instant();
    List<Agreement> on = new java.util.ArrayList<>();
    for (Agreement a : agreementIndex.byProduct().getOrDefault(product, List.of())) {
      if (a.activeAt(now)) {
        on.add(a);
      }
    }
    return on;
  }

  /** The principal's agreements that grant now. */
  public List<Agreement> activeAgreements(Principal principal) {
    List<Agreement> of = agreements().get(principal.subject());
    if (of == null || principal.isAnonymous()) {
      return List.of();
    }
    java.time.Instant now = clock.instant();
    List<Agreement> active = new java.util.ArrayList<>(of.size());
    for (Agreement a : of) {
      if (a.activeAt(now)) {
        active.add(a);
      }
    }
    return active;
  }

  // What the agreements grant, for the scope cache's key: principals without agreements share it.
  private static List<String> grants(List<Agreement> active) {
    if (active.isEmpty()) {
      return List.of();
    }
    List<String> grants = new java.util.ArrayList<>(active.size());
    for (Agreement a : active) {
      grants.add(a.product() + "#" + a.purposeCode());
    }
    java.util.Collections.sort(grants);
    return grants;
  }

  // Every agreement is read once; afterwards only the ones the change feed names.
  private Map<String, List<Agreement>> agreements() {
    if (agreementRepository == null) {
      return Map.of();
    }
    if (agreementsChanged || !changedAgreements.isEmpty()) {
      synchronized (this) {
        if (agreementsChanged) {
          agreementsChanged = false;
          changedAgreements.clear();
          agreementsByIri.clear();
          for (Agreement a : agreementRepository.list()) {
            agreementsByIri.put(iris.agreement(a.domain(), a.id()), a);
          }
        } else if (!changedAgreements.isEmpty()) {
          Set<String> batch = new HashSet<>(changedAgreements);
          changedAgreements.removeAll(batch);
          agreementRepository
              .read(batch)
              .forEach(
                  (iri, a) -> {
                    if (a == null) {
                      agreementsByIri.remove(iri);
                    } else {
                      agreementsByIri.put(iri, a);
                    }
                  });
        } else {
          return agreements;
        }
        Map<String, List<Agreement>> bySubject = new HashMap<>();
        Map<String, Agreement> byId = new HashMap<>();
        Map<String, List<Agreement>> byProduct = new HashMap<>();
        Set<String> domains = new HashSet<>();
        for (Agreement a : agreementsByIri.values()) {
          bySubject.computeIfAbsent(a.assignee(), k -> new java.util.ArrayList<>()).add(a);
          byProduct.computeIfAbsent(a.product(), k -> new java.util.ArrayList<>()).add(a);
          byId.put(a.id(), a);
          domains.add(a.domain());
        }
        agreementIndex = new AgreementIndex(byId, byProduct, domains);
        agreements = bySubject;
      }
    }
    return agreements;
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

  /**
   * The keys of the products that today's policies keep from the principal, judging each by these
   * facts: the facts of products as they were at some past date (they may since have changed or
   * been deleted), judged by the policies in force now and the principal's active agreements, as
   * {@link #scopeFor} judges the products of the live catalog. For {@code READ}, what it may not
   * discover is included. Admins see everything.
   */
  public Set<String> hidden(
      Principal principal, java.util.Collection<ProductFacts> past, Policy.Action action) {
    if (principal.isAdmin() || past.isEmpty()) {
      return Set.of();
    }
    Map<String, ProductFacts> byKey = new HashMap<>();
    past.forEach(f -> byKey.put(f.key(), f));
    CompiledPolicies alone = new CompiledPolicies(current().policies(), byKey, iris);
    Set<String> hidden = alone.hidden(principal, action);
    if (action == Policy.Action.READ) {
      hidden.addAll(alone.hidden(principal, Policy.Action.DISCOVER));
    }
    alone.grant(hidden, principal, activeAgreements(principal), action);
    hidden.retainAll(byKey.keySet());
    return hidden;
  }

  /**
   * The policies among {@code policies} (those in force at some past date) that apply to a product
   * with these facts (its facts at that date), with the rules that do: what {@link #applying}
   * answers for the live catalog, for a past one.
   */
  public List<AppliedPolicy> applying(List<Policy> policies, ProductFacts past) {
    return new CompiledPolicies(policies, Map.of(past.key(), past), iris).applying(past.key());
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
        compiled = new CompiledPolicies(policies, Map.copyOf(effective), iris, inherited);
        generation.incrementAndGet();
        scopes.clear();
      }
      return compiled;
    }
  }
}
