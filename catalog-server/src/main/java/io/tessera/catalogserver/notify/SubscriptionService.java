package io.tessera.catalogserver.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.ProductRepository;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Subscriptions as their subscribers make, list and remove them. A product or a domain the caller
 * may not discover answers like a missing one ({@code 404}); a product it may discover but not read
 * is a {@code 403} (its events carry details); input is checked field by field and nothing is
 * written when any field is wrong.
 */
@Singleton
public class SubscriptionService {
  private static final Pattern TYPE =
      Pattern.compile("\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+");
  private static final int MAX_TYPES = 20;
  private static final int MAX_PER_SUBSCRIBER = 100;

  private final SubscriptionRepository repository;
  private final WebhookTargets targets;
  private final MailSender mail;
  private final ProductRepository products;
  private final DomainRepository domains;
  private final IriMinter iris;
  private final SecureRandom random = new SecureRandom();

  public SubscriptionService(
      SubscriptionRepository repository,
      WebhookTargets targets,
      MailSender mail,
      ProductRepository products,
      DomainRepository domains,
      IriMinter iris) {
    this.repository = repository;
    this.targets = targets;
    this.mail = mail;
    this.products = products;
    this.domains = domains;
    this.iris = iris;
  }

  /** A subscription as asked for. */
  @Serdeable
  public record Input(
      @Nullable String product,
      @Nullable String domain,
      @Nullable List<String> types,
      @Nullable String channel,
      @Nullable String url,
      @Nullable String secret,
      @Nullable String email) {}

  /** A new subscription and its webhook secret, shown only in this answer. */
  @Serdeable
  public record Created(Subscription subscription, @Nullable String secret) {}

  /** Makes a subscription for the caller. */
  public Created subscribe(AccessScope scope, Principal caller, Input in) {
    requireAuthenticated(caller);
    List<Problem.FieldError> errors = new ArrayList<>();
    String[] target = target(in, errors);
    List<String> types = types(in.types(), errors);
    String channel = in.channel() == null ? "" : in.channel().strip();
    String url = null;
    String email = null;
    String secret = null;
    switch (channel) {
      case Subscription.WEBHOOK -> {
        if (in.url() == null || in.url().isBlank()) {
          errors.add(new Problem.FieldError("url", "required for a webhook"));
        } else {
          url = in.url().strip();
          targets.refusal(url).ifPresent(r -> errors.add(new Problem.FieldError("url", r)));
        }
        if (in.secret() != null && (in.secret().length() < 16 || in.secret().length() > 256)) {
          errors.add(new Problem.FieldError("secret", "must be 16 to 256 characters"));
        }
        secret = in.secret() != null ? in.secret() : newSecret();
      }
      case Subscription.EMAIL -> {
        if (in.email() == null || !EMAIL.matcher(in.email().strip()).matches()) {
          errors.add(new Problem.FieldError("email", "required: an e-mail address"));
        } else {
          email = in.email().strip();
        }
        if (!mail.enabled()) {
          errors.add(new Problem.FieldError("channel", "e-mail is not configured on this server"));
        }
      }
      default -> errors.add(new Problem.FieldError("channel", "must be webhook or email"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "the subscription is invalid", List.copyOf(errors));
    }
    requireVisible(scope, target);
    if (repository.bySubscriber(caller.subject()).size() >= MAX_PER_SUBSCRIBER) {
      throw new ProblemException(
          ProblemType.CONFLICT, "at most " + MAX_PER_SUBSCRIBER + " subscriptions per subscriber");
    }
    Subscription s =
        new Subscription(
            UUID.randomUUID().toString(),
            caller.subject(),
            target[0],
            target[1],
            types,
            channel,
            url,
            email,
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    repository.insert(s, secret);
    return new Created(s, secret);
  }

  /** The caller's subscriptions. */
  public List<Subscription> list(Principal caller) {
    requireAuthenticated(caller);
    return repository.bySubscriber(caller.subject());
  }

  /** One of the caller's subscriptions (an admin may see anyone's). */
  public Subscription get(Principal caller, String id) {
    requireAuthenticated(caller);
    return repository
        .find(id)
        .filter(s -> s.subscriber().equals(caller.subject()) || caller.isAdmin())
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no subscription " + id));
  }

  /** Removes one of the caller's subscriptions. */
  public void unsubscribe(Principal caller, String id) {
    repository.delete(get(caller, id).id());
  }

  /** A subscription's deliveries, newest first. */
  public List<Delivery> deliveries(Principal caller, String id, int limit) {
    if (limit < 1 || limit > 500) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "limit must be 1 to 500",
          List.of(new Problem.FieldError("limit", "must be 1 to 500")));
    }
    return repository.deliveries(get(caller, id).id(), limit);
  }

  private static void requireAuthenticated(Principal caller) {
    if (caller.isAnonymous()) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "subscriptions need credentials");
    }
  }

  private static String[] target(Input in, List<Problem.FieldError> errors) {
    boolean hasProduct = in.product() != null && !in.product().isBlank();
    boolean hasDomain = in.domain() != null && !in.domain().isBlank();
    if (hasProduct == hasDomain) {
      errors.add(new Problem.FieldError("product", "name either a product or a domain"));
      return null;
    }
    if (hasProduct) {
      String[] parts = in.product().strip().split("/", 2);
      if (parts.length != 2 || !IriMinter.isSlug(parts[0]) || !IriMinter.isSlug(parts[1])) {
        errors.add(new Problem.FieldError("product", "must be domain/name"));
        return null;
      }
      return parts;
    }
    String domain = in.domain().strip();
    if (!IriMinter.isSlug(domain)) {
      errors.add(new Problem.FieldError("domain", "must be a domain name"));
      return null;
    }
    return new String[] {domain, null};
  }

  private static List<String> types(List<String> given, List<Problem.FieldError> errors) {
    if (given == null || given.isEmpty()) {
      return List.of("*");
    }
    if (given.size() > MAX_TYPES) {
      errors.add(new Problem.FieldError("types", "at most " + MAX_TYPES + " patterns"));
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String t = given.get(i) == null ? "" : given.get(i).strip();
      String local = t.startsWith("io.tessera.") ? t.substring("io.tessera.".length()) : t;
      if (!TYPE.matcher(local).matches() || local.length() > 100) {
        errors.add(
            new Problem.FieldError(
                "types[" + i + "]",
                "must be an event type or a prefix pattern such as incident.* or *"));
      } else {
        types.add(local);
      }
    }
    return types;
  }

  private void requireVisible(AccessScope scope, String[] target) {
    if (target[1] != null) {
      String graph = iris.productGraph(target[0], target[1]);
      boolean visible = scope.mayDiscover(graph) && products.find(target[0], target[1]).isPresent();
      if (!visible) {
        throw new ProblemException(
            ProblemType.NOT_FOUND, "no data product " + target[0] + "/" + target[1]);
      }
      if (!scope.mayRead(graph)) {
        throw new ProblemException(
            ProblemType.FORBIDDEN,
            "you may not read "
                + target[0]
                + "/"
                + target[1]
                + ", so you may not subscribe to its events: request access first");
      }
    } else if (domains.find(target[0]).isEmpty()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no domain " + target[0]);
    }
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
