package io.tessera.catalogserver.exchange;

import io.micronaut.scheduling.annotation.Scheduled;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.journal.JournaledWrites;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.persistence.CatalogJournal;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.governance.Agreement;
import io.tessera.governance.AgreementRepository;
import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.Operand;
import io.tessera.governance.Policy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.Principal;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange of value: access requests and their state machine, the usage agreements approvals
 * create, interest in products and the inbox. The relational database is the record (requests,
 * transitions, interest, inbox); each agreement is also written to the graph, where the policy
 * evaluator reads it. A transition updates its row conditionally, writes the agreement graph, and
 * commits the row last, so a failed graph write leaves nothing; {@link #reconcile()} makes the
 * agreement graphs agree with the record at start-up (a crash between the two commits). The expiry
 * job runs on the elected leader only ({@link Leadership}).
 */
@Singleton
public class ExchangeService {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeService.class);
  private static final String SYSTEM = "tessera";
  private static final int MAX_TEXT = 2000;
  private static final int LIST_LIMIT = 500;

  private final ExchangeRepository repository;
  private final AgreementRepository agreements;
  private final JournaledWrites journaled;
  private final PolicyEvaluator evaluator;
  private final ProductReadModel products;
  private final AccessScopes scopes;
  private final IriMinter iris;
  private final AuditLog audit;
  private final ExchangeConfig config;
  private final Clock clock;
  private final io.tessera.catalogserver.events.CatalogEventLog events;
  private final io.tessera.catalogserver.security.ProductVisibility visibility;
  private final Leadership leadership;

  public ExchangeService(
      ExchangeRepository repository,
      AgreementRepository agreements,
      PolicyEvaluator evaluator,
      ProductReadModel products,
      AccessScopes scopes,
      IriMinter iris,
      AuditLog audit,
      ExchangeConfig config,
      Clock clock,
      io.tessera.catalogserver.events.CatalogEventLog events,
      io.tessera.catalogserver.security.ProductVisibility visibility,
      JournaledWrites journaled,
      Leadership leadership) {
    this.journaled = journaled;
    this.leadership = leadership;
    this.visibility = visibility;
    this.events = events;
    this.repository = repository;
    this.agreements = agreements;
    this.evaluator = evaluator;
    this.products = products;
    this.scopes = scopes;
    this.iris = iris;
    this.audit = audit;
    this.config = config;
    this.clock = clock;
  }

  /** What a consumer asks for. */
  public record RequestInput(
      String product,
      String port,
      String purpose,
      String purposeCode,
      String intendedUse,
      Integer durationDays) {}

  /** How access to a product is requested: the strictest of the policies that target it. */
  public record AccessTerms(Policy.Approval approval, int maxDays, List<String> decidedBy) {}

  /** Asks for access; an automatic approval mode approves at once. */
  public AccessRequest request(Principal principal, RequestInput input) {
    requireSignedIn(principal);
    List<Problem.FieldError> errors = new ArrayList<>();
    Product product = visibleProduct(principal, input.product(), "product");
    String port = blankToNull(input.port());
    if (port != null && product.outputPorts().stream().map(Port::name).noneMatch(port::equals)) {
      errors.add(new Problem.FieldError("port", "the product has no output port " + port));
    }
    String purpose = text(input.purpose(), "purpose", true, errors);
    String intendedUse = text(input.intendedUse(), "intendedUse", false, errors);
    String code = blankToNull(input.purposeCode());
    if (code != null && !purposeCodes().contains(code)) {
      errors.add(
          new Problem.FieldError(
              "purposeCode", "unknown purpose code " + code + "; known: " + purposeCodes()));
    }
    String key = product.domain() + "/" + product.name();
    AccessTerms terms = terms(key);
    int days =
        input.durationDays() == null
            ? Math.min(config.defaultDurationDays(), terms.maxDays())
            : input.durationDays();
    if (days < 1) {
      errors.add(new Problem.FieldError("durationDays", "must be at least 1 day"));
    } else if (days > terms.maxDays()) {
      errors.add(
          new Problem.FieldError(
              "durationDays", "at most " + terms.maxDays() + " days for this product"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "the access request is invalid", errors);
    }
    if (terms.approval() == Policy.Approval.NONE) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          key + " cannot be requested: a policy on it says access is not granted on request");
    }
    Instant now = now();
    ExchangeRepository.Row row =
        new ExchangeRepository.Row(
            "req-" + UUID.randomUUID(),
            product.domain(),
            product.name(),
            port,
            principal.subject(),
            purpose,
            code,
            intendedUse,
            days,
            AccessRequest.State.REQUESTED,
            now,
            now,
            null,
            null,
            null,
            null);
    try (Connection c = repository.begin()) {
      if (!repository.insert(c, row)) {
        c.rollback();
        throw new ProblemException(
            ProblemType.CONFLICT,
            "you already have an open request for "
                + key
                + (port == null ? "" : " port " + port)
                + "; withdraw it or wait for the decision");
      }
      repository.transition(
          c, row.id(), new AccessRequest.Transition(null, "requested", row.requester(), now, null));
      long position = event(c, row, "requested");
      if (terms.approval() == Policy.Approval.AUTOMATIC) {
        row = activate(c, row, SYSTEM, "approved automatically by " + terms.decidedBy(), days);
      } else {
        c.commit();
        events.committed(position);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the access request", e);
    }
    audit.record(principal.subject(), "access-request", row.id(), "created", key);
    return view(row, principal);
  }

  /** Approves a request: it becomes active with an agreement in the graph. */
  public AccessRequest approve(Principal principal, String id, String reason, Integer days) {
    ExchangeRepository.Row row = decidable(principal, id);
    if (row.state() == AccessRequest.State.ACTIVE) {
      return view(row, principal); // a retried approval
    }
    requireTransition(row, AccessRequest.State.APPROVED);
    List<Problem.FieldError> errors = new ArrayList<>();
    String why = text(reason, "reason", false, errors);
    int duration = days == null ? row.durationDays() : days;
    int max = terms(row.product()).maxDays();
    if (duration < 1 || duration > max) {
      errors.add(new Problem.FieldError("durationDays", "must be between 1 and " + max + " days"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the approval is invalid", errors);
    }
    try (Connection c = repository.begin()) {
      row = activate(c, row, principal.subject(), why, duration);
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the approval", e);
    }
    audit.record(principal.subject(), "access-approve", id, "ok", row.product());
    return view(row, principal);
  }

  /** Rejects a request, with a reason. */
  public AccessRequest reject(Principal principal, String id, String reason) {
    return decide(principal, id, reason, AccessRequest.State.REJECTED, "access-reject");
  }

  /** Withdraws the caller's own open request. */
  public AccessRequest withdraw(Principal principal, String id, String reason) {
    ExchangeRepository.Row row = visible(principal, id);
    if (!row.requester().equals(principal.subject())) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "only " + row.requester() + " may withdraw this request");
    }
    if (row.state() == AccessRequest.State.WITHDRAWN) {
      return view(row, principal);
    }
    requireTransition(row, AccessRequest.State.WITHDRAWN);
    List<Problem.FieldError> errors = new ArrayList<>();
    String why = text(reason, "reason", false, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the withdrawal is invalid", errors);
    }
    row = move(row, AccessRequest.State.WITHDRAWN, principal.subject(), why, false);
    audit.record(principal.subject(), "access-withdraw", id, "ok", row.product());
    return view(row, principal);
  }

  /** Revokes an active agreement, with a reason; it stops granting on the next request. */
  public AccessRequest revoke(Principal principal, String id, String reason) {
    return decide(principal, id, reason, AccessRequest.State.REVOKED, "access-revoke");
  }

  // A decider's transition that needs a reason the requester will read; a repeat changes nothing.
  private AccessRequest decide(
      Principal principal, String id, String reason, AccessRequest.State to, String action) {
    ExchangeRepository.Row row = decidable(principal, id);
    if (row.state() == to) {
      return view(row, principal);
    }
    requireTransition(row, to);
    String why = requiredReason(reason);
    row = move(row, to, principal.subject(), why, true);
    audit.record(principal.subject(), action, id, "ok", row.product());
    return view(row, principal);
  }

  /** Every minute, on the elected leader only: {@link #expire()}. */
  @Scheduled(fixedDelay = "1m", initialDelay = "1m")
  void scheduledExpiry() {
    if (leadership.leading()) {
      expire();
    }
  }

  /** Ends the agreements whose time is up (the evaluator already stopped counting them). */
  public int expire() {
    int expired = 0;
    for (ExchangeRepository.Row row : repository.expiredBy(now())) {
      try {
        move(row, AccessRequest.State.EXPIRED, SYSTEM, "the agreement's time is up", true);
        expired++;
      } catch (ProblemException e) {
        LOG.debug("request {} changed while expiring: {}", row.id(), e.getMessage());
      }
    }
    return expired;
  }

  /**
   * Makes the agreement graphs agree with the relational record: writes every agreement whose graph
   * is missing or differs, and removes graphs the record does not have.
   */
  public int reconcile() {
    Map<String, Agreement> inGraph = new HashMap<>();
    agreements.list().forEach(a -> inGraph.put(a.id(), a));
    List<Agreement> write = new ArrayList<>();
    for (ExchangeRepository.Row row : repository.withAgreements()) {
      Agreement expected = agreement(row);
      Agreement found = inGraph.remove(row.id());
      if (!expected.equals(found)) {
        write.add(expected);
      }
    }
    if (write.isEmpty() && inGraph.isEmpty()) {
      return 0;
    }
    journaled.write(
        new CatalogJournal.Write("agreements-reconciled", null, null),
        w -> {
          write.forEach(a -> agreements.put(w, a));
          inGraph.values().forEach(a -> agreements.remove(w, a.domain(), a.id()));
        });
    LOG.info(
        "agreement graphs reconciled with the record: {} written, {} removed",
        write.size(),
        inGraph.size());
    return write.size() + inGraph.size();
  }

  /** One request, for its requester and deciders; anyone else is told it does not exist. */
  public AccessRequest find(Principal principal, String id) {
    return view(visible(principal, id), principal);
  }

  /** The caller's requests ({@code mine}) or those it may decide ({@code inbox}), newest first. */
  public List<AccessRequest> list(Principal principal, String view, String state) {
    requireSignedIn(principal);
    AccessRequest.State only = state == null || state.isBlank() ? null : state(state);
    List<ExchangeRepository.Row> rows;
    if (view == null || view.equals("mine")) {
      rows = repository.byRequester(principal.subject(), LIST_LIMIT);
    } else if (view.equals("inbox")) {
      rows =
          principal.isAdmin()
              ? repository.byDomains(null, LIST_LIMIT)
              : principal.roles().contains(io.tessera.governance.Role.DOMAIN_OWNER)
                  ? repository.byDomains(principal.domains(), LIST_LIMIT)
                  : List.of();
    } else {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "view must be mine or inbox",
          List.of(new Problem.FieldError("view", "must be mine or inbox")));
    }
    return rows.stream()
        .filter(r -> only == null || r.state() == only)
        .map(r -> view(r, principal))
        .toList();
  }

  /** The agreements the caller holds ({@code mine}) or governs ({@code governed}). */
  public List<AccessRequest.AgreementView> agreements(Principal principal, String view) {
    requireSignedIn(principal);
    List<AccessRequest> requests =
        list(principal, "governed".equals(view) ? "inbox" : view == null ? "mine" : view, null);
    return requests.stream()
        .map(AccessRequest::agreement)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The purpose codes a request may name. */
  public Set<String> purposeCodes() {
    Set<String> codes = new TreeSet<>(config.purposeCodes());
    for (Policy p : evaluator.policies()) {
      for (Policy.Rule r : p.rules()) {
        for (Policy.Constraint c : r.constraints()) {
          if (c.operand() == Operand.PURPOSE) {
            codes.addAll(c.values());
          }
        }
      }
    }
    return codes;
  }

  /** How access to the product is requested. */
  public AccessTerms terms(String productKey) {
    Policy.Approval approval = null;
    int max = config.maxDurationDays();
    List<String> by = new ArrayList<>();
    for (AppliedPolicy applied :
        evaluator.applying(List.of(productKey)).getOrDefault(productKey, List.of())) {
      Policy.Access access = applied.policy().access();
      if (access == null) {
        continue;
      }
      by.add(applied.policy().key());
      if (access.approval() != null) {
        approval = access.approval().stricter(approval);
      }
      if (access.maxDays() != null) {
        max = Math.min(max, access.maxDays());
      }
    }
    return new AccessTerms(approval == null ? Policy.Approval.OWNER : approval, max, by);
  }

  // ----------------------------------------------------------------- interest and inbox

  /** Registers (or updates) the caller's interest in a product it may discover. */
  public ExchangeRepository.Interest putInterest(
      Principal principal, String domain, String name, String useCase) {
    requireSignedIn(principal);
    Product product = visibleProduct(principal, domain + "/" + name, "product");
    List<Problem.FieldError> errors = new ArrayList<>();
    String text = text(useCase, "useCase", false, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the interest is invalid", errors);
    }
    boolean created =
        repository.putInterest(product.domain(), product.name(), principal.subject(), text, now());
    audit.record(
        principal.subject(),
        "interest",
        domain + "/" + name,
        created ? "created" : "updated",
        null);
    return mine(principal, domain, name);
  }

  /** Withdraws the caller's interest; false when it had none. */
  public boolean removeInterest(Principal principal, String domain, String name) {
    requireSignedIn(principal);
    visibleProduct(principal, domain + "/" + name, "product");
    return repository.removeInterest(domain, name, principal.subject());
  }

  /** The caller's interest in a product, or null. */
  public ExchangeRepository.Interest mine(Principal principal, String domain, String name) {
    return repository.interest(domain, name).stream()
        .filter(i -> i.subject().equals(principal.subject()))
        .findFirst()
        .orElse(null);
  }

  /** The interest in a product: the count for anyone who may discover it, who for deciders. */
  public Map<String, Object> interest(Principal principal, String domain, String name) {
    visibleProduct(principal, domain + "/" + name, "product");
    List<ExchangeRepository.Interest> all = repository.interest(domain, name);
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("product", domain + "/" + name);
    answer.put("count", all.size());
    answer.put(
        "mine",
        all.stream().filter(i -> i.subject().equals(principal.subject())).findFirst().orElse(null));
    if (principal.ownsDomain(domain)) {
      answer.put("interested", all);
    }
    return answer;
  }

  /** Products ranked by interest, among those the caller may discover. */
  public List<Map<String, Object>> demand(Principal principal, String domain, String state) {
    var scope = scopes.of(principal);
    List<Map<String, Object>> ranked = new ArrayList<>();
    for (ExchangeRepository.Demand d : repository.demand(blankToNull(domain))) {
      String[] parts = d.product().split("/", 2);
      if (!scope.mayDiscover(iris.productGraph(parts[0], parts[1]))) {
        continue;
      }
      Product p = products.find(new ProductKey(parts[0], parts[1])).orElse(null);
      if (p == null) {
        continue;
      }
      String productState = p.physical() ? "physical" : "planned";
      if (state != null && !state.isBlank() && !state.equals(productState)) {
        continue;
      }
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("product", d.product());
      row.put("title", p.title());
      row.put("state", productState);
      row.put("count", d.count());
      row.put("latest", d.latest());
      ranked.add(row);
    }
    return ranked;
  }

  /** Interest per product, over every domain. */
  List<ExchangeRepository.Demand> demandOfAll() {
    return repository.demand(null);
  }

  /** Tells the interested subjects that the product turned physical (once each). */
  public int notifyPhysical(String domain, String name) {
    return repository.notifyPhysical(
        domain,
        name,
        domain + "/" + name + " is now physical: its data is produced. You can request access.",
        now());
  }

  /** The caller's inbox, newest first. */
  public List<ExchangeRepository.InboxItem> inbox(Principal principal) {
    requireSignedIn(principal);
    return repository.inbox(principal.subject(), LIST_LIMIT);
  }

  /** Marks one of the caller's items read. */
  public void markRead(Principal principal, long id) {
    requireSignedIn(principal);
    if (!repository.markRead(principal.subject(), id, now())) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no inbox item " + id);
    }
  }

  // ----------------------------------------------------------------- internals

  private ExchangeRepository.Row activate(
      Connection c, ExchangeRepository.Row row, String by, String reason, int days)
      throws SQLException {
    Instant now = now();
    ExchangeRepository.Row next =
        new ExchangeRepository.Row(
            row.id(),
            row.domain(),
            row.name(),
            row.port(),
            row.requester(),
            row.purpose(),
            row.purposeCode(),
            row.intendedUse(),
            days,
            AccessRequest.State.ACTIVE,
            row.createdAt(),
            now,
            by,
            now,
            now.plus(Duration.ofDays(days)),
            null);
    if (!repository.update(c, AccessRequest.State.REQUESTED, next)) {
      c.rollback();
      throw changedMeanwhile(row.id());
    }
    repository.transition(
        c, row.id(), new AccessRequest.Transition("requested", "approved", by, now, reason));
    repository.transition(
        c, row.id(), new AccessRequest.Transition("approved", "active", by, now, null));
    repository.addItem(
        c,
        new ExchangeRepository.InboxItem(
            0,
            row.requester(),
            "request-decided",
            row.product(),
            row.id(),
            "Your request for " + row.product() + " was approved until " + next.agreementExpires(),
            now,
            null));
    long position = event(c, next, "approved");
    writeGraph(c, next);
    events.committed(position);
    return next;
  }

  private ExchangeRepository.Row move(
      ExchangeRepository.Row row,
      AccessRequest.State to,
      String by,
      String reason,
      boolean tellRequester) {
    Instant now = now();
    boolean ends = row.agreementStart() != null && to != AccessRequest.State.ACTIVE;
    ExchangeRepository.Row next =
        new ExchangeRepository.Row(
            row.id(),
            row.domain(),
            row.name(),
            row.port(),
            row.requester(),
            row.purpose(),
            row.purposeCode(),
            row.intendedUse(),
            row.durationDays(),
            to,
            row.createdAt(),
            now,
            row.agreementStart() == null ? by : row.decidedBy(),
            row.agreementStart(),
            row.agreementExpires(),
            ends ? now : row.agreementEnded());
    try (Connection c = repository.begin()) {
      if (!repository.update(c, row.state(), next)) {
        c.rollback();
        throw changedMeanwhile(row.id());
      }
      repository.transition(
          c,
          row.id(),
          new AccessRequest.Transition(row.state().slug(), to.slug(), by, now, reason));
      if (tellRequester) {
        repository.addItem(
            c,
            new ExchangeRepository.InboxItem(
                0,
                row.requester(),
                "request-decided",
                row.product(),
                row.id(),
                "Your request for "
                    + row.product()
                    + " is "
                    + to.slug()
                    + (reason == null ? "" : ": " + reason),
                now,
                null));
      }
      long position = event(c, next, to.slug());
      if (ends) {
        writeGraph(c, next);
      } else {
        c.commit();
      }
      events.committed(position);
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the transition", e);
    }
    return next;
  }

  // The request's change on the feed, in the transition's transaction (io.tessera.access.<state>).
  private long event(Connection c, ExchangeRepository.Row row, String state) throws SQLException {
    String data =
        io.tessera.catalogserver.events.EventData.object(
            "request", row.id(),
            "requester", row.requester(),
            "purposeCode", row.purposeCode(),
            "state", state,
            "expiresAt", row.agreementExpires() == null ? null : row.agreementExpires().toString());
    return events.append(
        c,
        io.tessera.catalogserver.events.CatalogEvent.of(
            "access." + state, row.id(), row.product(), data));
  }

  // The row and the agreement graph's change are one journaled write: the journal entry is appended
  // in the row's transaction, which commits before the graph; a failed graph write rolls both back.
  private void writeGraph(Connection c, ExchangeRepository.Row row) {
    journaled.write(
        new CatalogJournal.Write("agreement", row.id(), row.decidedBy()),
        c,
        w -> agreements.put(w, agreement(row)));
  }

  private Agreement agreement(ExchangeRepository.Row row) {
    Agreement.State state =
        switch (row.state()) {
          case ACTIVE -> Agreement.State.ACTIVE;
          case REVOKED -> Agreement.State.REVOKED;
          default -> Agreement.State.EXPIRED;
        };
    return new Agreement(
        row.id(),
        row.requester(),
        row.product(),
        row.port(),
        row.purposeCode(),
        row.purpose(),
        row.agreementStart(),
        row.agreementExpires(),
        state);
  }

  AccessRequest view(ExchangeRepository.Row row, Principal principal) {
    AccessRequest.AgreementView agreement =
        row.agreementStart() == null
            ? null
            : new AccessRequest.AgreementView(
                row.id(),
                iris.agreement(row.domain(), row.id()),
                row.product(),
                row.port(),
                row.requester(),
                row.purposeCode(),
                row.purpose(),
                row.agreementStart(),
                row.agreementExpires(),
                agreementState(row));
    return new AccessRequest(
        row.id(),
        row.product(),
        row.port(),
        row.requester(),
        row.purpose(),
        row.purposeCode(),
        row.intendedUse(),
        row.durationDays(),
        row.state().slug(),
        row.createdAt(),
        row.updatedAt(),
        row.decidedBy(),
        agreement,
        repository.transitions(row.id()),
        principal.ownsDomain(row.domain()));
  }

  // An active row past its expiry is expired already: the evaluator does not count it.
  private String agreementState(ExchangeRepository.Row row) {
    if (row.state() == AccessRequest.State.ACTIVE && !now().isBefore(row.agreementExpires())) {
      return "expired";
    }
    return switch (row.state()) {
      case ACTIVE -> "active";
      case REVOKED -> "revoked";
      default -> "expired";
    };
  }

  private ExchangeRepository.Row visible(Principal principal, String id) {
    requireSignedIn(principal);
    ExchangeRepository.Row row =
        repository.find(id).orElseThrow(() -> notFound("no access request " + id));
    if (!row.requester().equals(principal.subject()) && !principal.ownsDomain(row.domain())) {
      throw notFound("no access request " + id);
    }
    return row;
  }

  private ExchangeRepository.Row decidable(Principal principal, String id) {
    ExchangeRepository.Row row = visible(principal, id);
    if (!principal.ownsDomain(row.domain())) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "only the owners of " + row.domain() + " (or an admin) decide requests for its products");
    }
    return row;
  }

  private Product visibleProduct(Principal principal, String key, String field) {
    String[] parts = key == null ? new String[0] : key.strip().split("/", 2);
    if (parts.length != 2 || !IriMinter.isSlug(parts[0]) || !IriMinter.isSlug(parts[1])) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "the request names no product",
          List.of(new Problem.FieldError(field, "required: a product as domain/name")));
    }
    return visibility.find(parts[0], parts[1], scopes.of(principal));
  }

  private static void requireTransition(ExchangeRepository.Row row, AccessRequest.State to) {
    if (!row.state().canBecome(to)) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "the request is " + row.state().slug() + " and cannot become " + to.slug());
    }
  }

  private static String requiredReason(String reason) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String why = text(reason, "reason", true, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "a reason is required", errors);
    }
    return why;
  }

  private static String text(
      String value, String field, boolean required, List<Problem.FieldError> errors) {
    String v = blankToNull(value);
    if (v == null) {
      if (required) {
        errors.add(new Problem.FieldError(field, "required"));
      }
      return null;
    }
    if (v.length() > MAX_TEXT) {
      errors.add(new Problem.FieldError(field, "at most " + MAX_TEXT + " characters"));
      return null;
    }
    return v;
  }

  private static AccessRequest.State state(String slug) {
    for (AccessRequest.State s : AccessRequest.State.values()) {
      if (s.slug().equals(slug)) {
        return s;
      }
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST,
        "unknown state " + slug,
        List.of(
            new Problem.FieldError(
                "state",
                "must be one of requested, approved, active,"
                    + " rejected, withdrawn, expired, revoked")));
  }

  private static void requireSignedIn(Principal principal) {
    if (principal.isAnonymous()) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED, "sign in to request access, register interest or see an inbox");
    }
  }

  private static ProblemException changedMeanwhile(String id) {
    return new ProblemException(
        ProblemType.CONFLICT, "request " + id + " changed at the same time; read it and retry");
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
