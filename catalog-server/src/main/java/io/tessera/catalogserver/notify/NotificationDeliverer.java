package io.tessera.catalogserver.notify;

import io.tessera.governance.Principal;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the deliveries that are due and records each outcome: {@code delivered} on a 2xx answer (or
 * an accepted e-mail); otherwise tried again after an exponential backoff with jitter, and {@code
 * dead} after {@code tessera.notify.max-attempts} attempts or {@code max-age}, or at once on {@code
 * 410 Gone}. Read rights are checked at delivery time: a subscriber with no active credentials, or
 * who may no longer discover the product, is sent nothing ({@code skipped}). A crash between
 * sending and recording sends the delivery again after the restart, with the same CloudEvents id,
 * so receivers deduplicate by it.
 */
@Singleton
public class NotificationDeliverer {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliverer.class);

  private final SubscriptionRepository repository;
  private final SubscriberPrincipals principals;
  private final WebhookTargets targets;
  private final WebhookSender webhooks;
  private final MailSender mail;
  private final NotifyConfig config;
  private final Backoff backoff;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService mailer = Executors.newVirtualThreadPerTaskExecutor();

  public NotificationDeliverer(
      SubscriptionRepository repository,
      SubscriberPrincipals principals,
      WebhookTargets targets,
      WebhookSender webhooks,
      MailSender mail,
      NotifyConfig config) {
    this.repository = repository;
    this.principals = principals;
    this.targets = targets;
    this.webhooks = webhooks;
    this.mail = mail;
    this.config = config;
    this.backoff =
        new Backoff(config.backoffBase(), config.backoffMax(), RandomGenerator.getDefault());
  }

  private record Outcome(Integer status, String error) {
    boolean ok() {
      return error == null && status != null && status >= 200 && status < 300;
    }
  }

  /**
   * Attempts every due delivery (up to the batch size) and waits for the outcomes: the deliveries
   * of one subscription one after the other, in the feed's order, so a subscriber receives its
   * events in order when none has to be retried; different subscriptions concurrently.
   *
   * @return how many were attempted
   */
  public int deliverOnce() {
    List<Delivery> due = repository.due(Instant.now(clock), config.batchSize());
    java.util.Map<Object, List<Delivery>> bySubscription = new java.util.LinkedHashMap<>();
    for (Delivery d : due) {
      bySubscription
          .computeIfAbsent(
              d.subscriptionId() == null ? d : d.subscriptionId(), k -> new ArrayList<>())
          .add(d);
    }
    List<CompletableFuture<Void>> chains = new ArrayList<>();
    for (List<Delivery> group : bySubscription.values()) {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (Delivery d : group) {
        chain = chain.thenCompose(v -> attempt(d));
      }
      chains.add(chain);
    }
    CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).join();
    return due.size();
  }

  /** When the next pending delivery is due, if any. */
  public Optional<Instant> nextDue() {
    return repository.nextDue();
  }

  private CompletableFuture<Void> attempt(Delivery d) {
    String subscriptionSecret = null;
    if (d.subscriptionId() != null) {
      Optional<Subscription> s = repository.find(d.subscriptionId());
      if (s.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      Optional<Principal> subscriber = principals.of(s.get().subscriber());
      if (subscriber.isEmpty()) {
        return skip(d, "the subscriber has no active API token");
      }
      if (d.product() != null && !principals.mayRead(subscriber.get(), d.product())) {
        return skip(d, "the subscriber may no longer read " + d.product());
      }
      subscriptionSecret = repository.secret(d.subscriptionId()).orElse(null);
    }
    CompletableFuture<Outcome> outcome;
    if (Subscription.WEBHOOK.equals(d.channel())) {
      Optional<String> refused = targets.refusal(d.target());
      if (refused.isPresent() && refused.get().endsWith("does not resolve")) {
        // a name that does not resolve now may resolve later: retried like a refused connection
        outcome = CompletableFuture.completedFuture(new Outcome(null, refused.get()));
      } else if (refused.isPresent() || subscriptionSecret == null) {
        outcome =
            CompletableFuture.completedFuture(
                new Outcome(410, "the URL " + refused.orElse("has no secret")));
      } else {
        outcome =
            webhooks
                .send(d.target(), subscriptionSecret, d.payload(), d.id())
                .handle(
                    (status, error) ->
                        error == null
                            ? new Outcome(status, status / 100 == 2 ? null : "HTTP " + status)
                            : new Outcome(null, describe(error)));
      }
    } else {
      outcome = CompletableFuture.supplyAsync(() -> mail(d), mailer);
    }
    return outcome.thenAccept(o -> record(d, o));
  }

  private Outcome mail(Delivery d) {
    try {
      mail.send(
          d.target(),
          "[Tessera] "
              + d.eventType().replaceFirst("^io\\.tessera\\.", "")
              + (d.product() == null ? "" : " " + d.product()),
          CloudEvents.mailText(d.payload()),
          d.eventId() + "." + d.id());
      return new Outcome(250, null);
    } catch (Exception e) {
      return new Outcome(null, describe(e));
    }
  }

  private void record(Delivery d, Outcome o) {
    Instant now = Instant.now(clock);
    try {
      if (o.ok()) {
        repository.record(d.id(), Delivery.DELIVERED, now, now, o.status(), null);
        return;
      }
      int attempts = d.attempts() + 1;
      boolean dead =
          attempts >= config.maxAttempts()
              || Duration.between(d.createdAt(), now).compareTo(config.maxAge()) >= 0
              || Integer.valueOf(410).equals(o.status());
      Instant next = dead ? now : now.plus(backoff.delay(attempts));
      repository.record(
          d.id(), dead ? Delivery.DEAD : Delivery.PENDING, now, next, o.status(), o.error());
      if (dead) {
        LOG.warn(
            "gave up delivering event {} to {} after {} attempts: {}",
            d.eventId(),
            d.target(),
            attempts,
            o.error());
      }
    } catch (RuntimeException e) {
      LOG.warn("could not record the delivery {} of event {}", d.id(), d.eventId(), e);
    }
  }

  private CompletableFuture<Void> skip(Delivery d, String why) {
    repository.record(d.id(), Delivery.SKIPPED, null, Instant.now(clock), null, why);
    return CompletableFuture.completedFuture(null);
  }

  private static String describe(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @jakarta.annotation.PreDestroy
  void close() {
    mailer.shutdownNow();
  }
}
