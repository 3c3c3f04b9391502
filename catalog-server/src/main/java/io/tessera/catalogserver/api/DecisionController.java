package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.catalogserver.security.AuthenticationException;
import io.tessera.catalogserver.security.TokenService;
import io.tessera.governance.Agreement;
import io.tessera.governance.AgreementRepository;
import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.Decision;
import io.tessera.governance.Policy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.PolicyMapper;
import io.tessera.governance.Principal;
import io.tessera.ontology.IriMinter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * The runtime's copy of the rules: {@code POST /api/v1/decisions} answers whether a principal may
 * perform an action on a product or port for a purpose, with the deciding policy or agreement and
 * the obligations that come with it; {@code GET /api/v1/products/{d}/{n}/odrl} gives a port's
 * sidecar the product's effective policies and active agreements as ODRL JSON-LD, with a revision
 * ({@code ETag}) so it can cache them and enforce offline.
 */
@Tag(
    name = "Decisions",
    description = "Run-time access decisions and a product's effective policies as ODRL")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionController {
  private final PolicyEvaluator evaluator;
  private final TokenService tokens;
  private final AccessScopes scopes;
  private final IriMinter iris;
  private final AgreementRepository agreements;
  private final PolicyMapper mapper;
  private final AuditLog audit;

  public DecisionController(
      PolicyEvaluator evaluator,
      TokenService tokens,
      AccessScopes scopes,
      IriMinter iris,
      AgreementRepository agreements,
      AuditLog audit) {
    this.evaluator = evaluator;
    this.tokens = tokens;
    this.scopes = scopes;
    this.iris = iris;
    this.agreements = agreements;
    this.audit = audit;
    this.mapper = new PolicyMapper(iris);
  }

  /**
   * A question from a query engine or sidecar. {@code token}: the consumer's API token (the
   * decision is for its principal; only admins and the product's owners may ask about others);
   * without it, the decision is for the caller.
   */
  @Serdeable
  public record Question(
      @Nullable String token,
      @Nullable String product,
      @Nullable String port,
      @Nullable String action,
      @Nullable String purpose) {}

  /** An obligation that comes with an allowed action. */
  @Serdeable
  public record Obligation(String kind, String value) {}

  /** The answer. */
  @Serdeable
  public record Answer(
      String subject,
      String product,
      String port,
      String action,
      String purpose,
      Decision decision,
      List<Obligation> obligations) {}

  @Post("/decisions")
  public Answer decide(@Nullable @Body Question question, Principal caller) {
    Question q = question == null ? new Question(null, null, null, null, null) : question;
    List<Problem.FieldError> errors = new ArrayList<>();
    String[] key = q.product() == null ? new String[0] : q.product().split("/", 2);
    if (key.length != 2 || !IriMinter.isSlug(key[0]) || !IriMinter.isSlug(key[1])) {
      errors.add(new Problem.FieldError("product", "required: a product as domain/name"));
    }
    Policy.Action action = null;
    if ("read".equals(q.action()) || q.action() == null) {
      action = Policy.Action.READ;
    } else if ("discover".equals(q.action())) {
      action = Policy.Action.DISCOVER;
    } else {
      errors.add(new Problem.FieldError("action", "must be read or discover"));
    }
    if (q.port() != null && !IriMinter.isSlug(q.port())) {
      errors.add(new Problem.FieldError("port", "must be an output port's name"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the question is invalid", errors);
    }
    if (caller.isAnonymous()) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "sign in to ask for decisions");
    }
    String graph = iris.productGraph(key[0], key[1]);
    if (!scopes.of(caller).mayDiscover(graph) || !evaluator.knows(key[0] + "/" + key[1])) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no data product " + q.product());
    }
    Principal about = caller;
    if (q.token() != null && !q.token().isBlank()) {
      if (!caller.ownsDomain(key[0])) {
        throw new ProblemException(
            ProblemType.FORBIDDEN,
            "only admins and the owners of " + key[0] + " ask on behalf of another principal");
      }
      try {
        about = tokens.authenticate(q.token().strip());
      } catch (AuthenticationException e) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST,
            "the consumer's token is not accepted",
            List.of(new Problem.FieldError("token", e.getMessage())));
      }
    }
    String purpose = q.purpose() == null || q.purpose().isBlank() ? null : q.purpose().strip();
    Decision decision = evaluator.decide(about, key[0] + "/" + key[1], q.port(), action, purpose);
    List<Obligation> obligations = new ArrayList<>();
    if (decision.allowed() && decision.agreement() != null) {
      Agreement a = evaluator.agreement(decision.agreement());
      if (a != null) {
        if (a.purposeCode() != null) {
          obligations.add(new Obligation("purpose", a.purposeCode()));
        }
        if (a.port() != null) {
          obligations.add(new Obligation("port", a.port()));
        }
        obligations.add(new Obligation("expires", a.expires().toString()));
      }
    }
    if (!decision.allowed()) {
      audit.record(
          about.subject(), "decision", q.product(), "denied", action.slug() + " " + purpose);
    }
    return new Answer(
        about.subject(),
        q.product(),
        q.port(),
        action.slug(),
        purpose,
        decision,
        List.copyOf(obligations));
  }

  /**
   * The product's effective policies (those whose targets include it) and its active agreements as
   * one ODRL JSON-LD document, for the owners' sidecars; {@code If-None-Match} with the last {@code
   * ETag} answers 304 while nothing changed.
   */
  @Get(
      value = "/products/{domain}/{name}/odrl",
      produces = {"application/ld+json", MediaType.APPLICATION_JSON})
  public HttpResponse<String> odrl(
      @PathVariable String domain,
      @PathVariable String name,
      HttpRequest<?> request,
      Principal caller) {
    String key = domain + "/" + name;
    if (!IriMinter.isSlug(domain)
        || !IriMinter.isSlug(name)
        || !scopes.of(caller).mayDiscover(iris.productGraph(domain, name))
        || !evaluator.knows(key)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no data product " + key);
    }
    if (!caller.ownsDomain(domain)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "only admins and the owners of " + domain + " read the rules their sidecars enforce");
    }
    Model model = ModelFactory.createDefaultModel();
    for (AppliedPolicy applied : evaluator.applying(List.of(key)).getOrDefault(key, List.of())) {
      model.add(ModelFactory.createModelForGraph(mapper.toGraph(applied.policy())));
    }
    for (Agreement a : evaluator.activeAgreementsOn(key)) {
      model.add(ModelFactory.createModelForGraph(agreements.toGraph(a)));
    }
    ByteArrayOutputStream canonical = new ByteArrayOutputStream();
    RDFDataMgr.write(canonical, model, RDFFormat.NTRIPLES);
    List<String> lines =
        new ArrayList<>(List.of(canonical.toString(StandardCharsets.UTF_8).split("\n")));
    java.util.Collections.sort(lines);
    String etag = "\"" + sha256(String.join("\n", lines)) + "\"";
    if (etag.equals(request.getHeaders().get("If-None-Match"))) {
      return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header("ETag", etag);
    }
    model.setNsPrefix("odrl", "http://www.w3.org/ns/odrl/2/");
    model.setNsPrefix("tess", io.tessera.ontology.TESS.NS);
    model.setNsPrefix("dct", "http://purl.org/dc/terms/");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, RDFFormat.JSONLD11);
    return HttpResponse.ok(out.toString(StandardCharsets.UTF_8))
        .contentType(MediaType.of("application/ld+json"))
        .header("ETag", etag);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
