package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.catalogserver.security.TokenService;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Evaluation;
import io.tessera.governance.Explanation;
import io.tessera.governance.Finding;
import io.tessera.governance.FindingStore;
import io.tessera.governance.Policy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/policies}: the policies in force, why a principal may or may not see a product
 * ({@code explain}), and what reading several products together means ({@code evaluate}, toxic
 * combinations included). Policies are written as {@code kind: Policy} descriptors.
 */
@Tag(
    name = "Policies",
    description = "Policies in force, why a subject may see a product, toxic combinations")
@Controller("/api/v1/policies")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PolicyController {
  private static final int MAX_PRODUCTS = 100;

  private final PolicyRepository policies;
  private final PolicyEvaluator evaluator;
  private final TokenService tokens;
  private final AccessScopes scopes;
  private final ApplyService apply;
  private final IriMinter iris;
  private final FindingStore findingRepository;

  public PolicyController(
      PolicyRepository policies,
      PolicyEvaluator evaluator,
      TokenService tokens,
      AccessScopes scopes,
      ApplyService apply,
      IriMinter iris,
      FindingStore findingRepository) {
    this.findingRepository = findingRepository;
    this.policies = policies;
    this.evaluator = evaluator;
    this.tokens = tokens;
    this.scopes = scopes;
    this.apply = apply;
    this.iris = iris;
  }

  /**
   * The policies whose graphs the caller may see: every policy for an admin, its domains' for a
   * domain owner (a global policy names other domains' products, which it may not know about).
   */
  @Get
  public List<Policy> list(AccessScope scope) {
    Principal principal = scope.principal();
    if (!principal.isAdmin() && !principal.roles().contains(Role.DOMAIN_OWNER)) {
      throw new AccessDeniedException("admin or domain-owner");
    }
    VisibilityScope visible = evaluator.policyGraphsVisibleTo(principal);
    return policies.list().stream()
        .filter(p -> visible.allows(iris.policyGraph(p.domain(), p.name())))
        .toList();
  }

  /**
   * Why a subject may or may not discover and read a product: for admins any product, for domain
   * owners the products of their domains (the owners who decide who gets access). The subject's
   * attributes come from its newest active API token; {@code role}, {@code domain}, {@code region},
   * {@code purpose} and {@code clearance} parameters replace them (for subjects from an identity
   * provider). A domain owner asking about another domain is refused whether or not the product
   * exists.
   */
  @Get("/explain")
  public Explanation explain(
      @Nullable @QueryValue String product,
      @Nullable @QueryValue String subject,
      @Nullable @QueryValue List<String> role,
      @Nullable @QueryValue List<String> domain,
      @Nullable @QueryValue List<String> region,
      @Nullable @QueryValue List<String> purpose,
      @Nullable @QueryValue List<String> clearance,
      Principal principal) {
    boolean owner = principal.roles().contains(Role.DOMAIN_OWNER);
    if (!principal.isAdmin() && !owner) {
      throw new AccessDeniedException("admin or domain-owner");
    }
    String[] key = productKey(product);
    if (!principal.isAdmin() && !principal.ownsDomain(key[0])) {
      throw new AccessDeniedException("admin or domain-owner of " + key[0]);
    }
    if (subject == null || subject.isBlank()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "subject is required");
    }
    Principal base =
        tokens
            .activeTokenOf(subject)
            .map(ApiToken::principal)
            .orElse(new Principal(subject, Set.of(), Set.of(), Map.of()));
    Set<Role> roles = new HashSet<>(base.roles());
    if (role != null) {
      roles.clear();
      for (String r : role) {
        roles.add(
            Role.fromSlug(r)
                .orElseThrow(
                    () ->
                        new ProblemException(
                            ProblemType.INVALID_REQUEST,
                            "role must be admin, domain-owner, producer or consumer")));
      }
    }
    Map<String, Set<String>> attributes = new HashMap<>(base.attributes());
    put(attributes, "region", region);
    put(attributes, "purposes", purpose);
    put(attributes, "clearances", clearance);
    Principal asked =
        new Principal(
            subject, roles, domain == null ? base.domains() : Set.copyOf(domain), attributes);
    return evaluator.explain(asked, key[0], key[1]);
  }

  /**
   * Toxic combinations found in lineage: all for an admin, those touching its domains for a domain
   * owner.
   */
  @Get("/findings")
  public List<Finding> findings(Principal principal) {
    if (!principal.isAdmin() && !principal.roles().contains(Role.DOMAIN_OWNER)) {
      throw new AccessDeniedException("admin or domain-owner");
    }
    return findingRepository.list().stream()
        .filter(f -> principal.isAdmin() || f.owners().stream().anyMatch(principal::ownsDomain))
        .toList();
  }

  /** What reading several products together means for the caller. */
  @Serdeable
  public record EvaluateRequest(@Nullable List<String> products) {}

  /**
   * The caller's decision for each product and for the set as a whole, with the classifications the
   * combination takes (toxic combinations included). Products the caller may not discover are
   * reported exactly like products that do not exist: not found, left out of the classifications.
   */
  @Post("/evaluate")
  public Evaluation evaluate(@Nullable @Body EvaluateRequest request, AccessScope scope) {
    if (request == null || request.products() == null || request.products().isEmpty()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "products is required: a list of domain/name");
    }
    if (request.products().size() > MAX_PRODUCTS) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "at most " + MAX_PRODUCTS + " products at once");
    }
    List<String> visible = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String p : request.products()) {
      String[] key = productKey(p);
      if (scope.mayDiscover(iris.productGraph(key[0], key[1]))
          && evaluator.knows(key[0] + "/" + key[1])) {
        visible.add(key[0] + "/" + key[1]);
      } else {
        missing.add(key[0] + "/" + key[1]);
      }
    }
    return evaluator
        .evaluate(scope.principal(), visible)
        .withNotFound(missing, scope.principal().subject());
  }

  /** Deletes a domain's policy ({@code global} as the domain for a global policy). */
  @Delete("/{domain}/{name}")
  public ApplyReport delete(
      @PathVariable String domain, @PathVariable String name, Principal principal) {
    if (!IriMinter.isSlug(domain) || !IriMinter.isSlug(name)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no policy " + domain + "/" + name);
    }
    return apply.deletePolicy("global".equals(domain) ? null : domain, name, principal);
  }

  private static String[] productKey(String product) {
    String[] parts = product == null ? new String[0] : product.split("/", -1);
    if (parts.length != 2 || !IriMinter.isSlug(parts[0]) || !IriMinter.isSlug(parts[1])) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "product must be domain/name, e.g. sales/orders");
    }
    return parts;
  }

  private static void put(Map<String, Set<String>> attributes, String name, List<String> values) {
    if (values != null) {
      attributes.put(name, Set.copyOf(values));
    }
  }
}
