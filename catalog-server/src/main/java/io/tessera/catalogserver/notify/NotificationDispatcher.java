package io.tessera.catalogserver.notify;

import io.tessera.catalogserver.events.CatalogEvent;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeRepository;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the change feed (the outbox) from its persisted cursor and, in one transaction, creates a
 * delivery for every recipient of each event and advances the cursor: a crash before the commit
 * leaves both untouched, so the events are dispatched again; an event whose write was rolled back
 * never entered the feed. Recipients: the subscriptions that match; the product's owner, by e-mail
 * when the descriptor's {@code owner} is a {@code mailto:} IRI and SMTP is configured; and
 * consumers with an active agreement, as an item in their catalog inbox (written in the same
 * transaction, for product, incident, schema, health and SLO events of products they may still
 * read).
 *
 * <p>A hole in the feed's positions (a transaction that took a position and has not committed yet)
 * stops the cursor until {@code tessera.notify.gap-wait} has passed since the event after it, after
 * which the hole is taken as a rolled-back write.
 */
@Singleton
public class NotificationDispatcher {
  /** The cursor's name in {@code notify_cursor}. */
  public static final String CURSOR = "dispatcher";

  private static final List<String> CONSUMER_TYPES =
      List.of("product.*", "incident.*", "schema.*", "health.*", "slo.*");

  private final CatalogEventLog events;
  private final SubscriptionRepository repository;
  private final ProductRepository products;
  private final ExchangeRepository exchange;
  private final SubscriberPrincipals principals;
  private final MailSender mail;
  private final NotifyConfig config;
  private final Clock clock;

  public NotificationDispatcher(
      CatalogEventLog events,
      SubscriptionRepository repository,
      ProductRepository products,
      ExchangeRepository exchange,
      SubscriberPrincipals principals,
      MailSender mail,
      NotifyConfig config) {
    this.events = events;
    this.repository = repository;
    this.products = products;
    this.exchange = exchange;
    this.principals = principals;
    this.mail = mail;
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  /**
   * Dispatches the next batch of events.
   *
   * @return how many events were dispatched (0 when caught up or waiting at a hole)
   */
  public int dispatchOnce() throws SQLException {
    try (Connection c = repository.begin()) {
      try {
        long cursor = repository.cursor(c, CURSOR, events.latest());
        List<CatalogEvent> batch = events.after(cursor, config.batchSize());
        Instant settled = Instant.now(clock).minus(config.gapWait());
        List<Subscription> subscriptions = batch.isEmpty() ? List.of() : repository.all();
        Map<String, List<String>> consumers = new HashMap<>();
        long at = cursor;
        int dispatched = 0;
        for (CatalogEvent e : batch) {
          if (e.position() != at + 1 && e.time().isAfter(settled)) {
            break;
          }
          dispatch(c, e, subscriptions, consumers);
          at = e.position();
          dispatched++;
        }
        if (at != cursor) {
          repository.advance(c, CURSOR, at);
        }
        c.commit();
        return dispatched;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private void dispatch(
      Connection c,
      CatalogEvent e,
      List<Subscription> subscriptions,
      Map<String, List<String>> consumers)
      throws SQLException {
    String payload = CloudEvents.json(e);
    Instant now = Instant.now(clock);
    for (Subscription s : subscriptions) {
      if (s.matches(e)) {
        String target = Subscription.WEBHOOK.equals(s.channel()) ? s.url() : s.email();
        repository.addDelivery(
            c,
            delivery(s.id(), s.subscriber(), s.channel(), target, e, payload, now),
            e.position());
      }
    }
    if (e.product() == null) {
      return;
    }
    String[] key = e.product().split("/", 2);
    if (mail.enabled()) {
      Product p = products.find(key[0], key[1]).orElse(null);
      if (p != null && p.owner() != null && p.owner().startsWith("mailto:")) {
        String address = p.owner().substring("mailto:".length());
        repository.addDelivery(
            c,
            delivery(null, p.owner(), Subscription.EMAIL, address, e, payload, now),
            e.position());
      }
    }
    if (Subscription.typeMatches(CONSUMER_TYPES, e.type())) {
      for (String consumer : consumers.computeIfAbsent(e.product(), this::activeConsumers)) {
        boolean visible =
            principals.of(consumer).map(p -> principals.mayRead(p, e.product())).orElse(false);
        if (visible) {
          exchange.addItem(
              c,
              new ExchangeRepository.InboxItem(
                  0,
                  consumer,
                  "product-event",
                  e.product(),
                  null,
                  e.product() + ": " + e.type() + " (" + e.subject() + ")",
                  now,
                  null));
        }
      }
    }
  }

  private List<String> activeConsumers(String product) {
    List<String> found = new ArrayList<>();
    for (ExchangeRepository.Row row : exchange.withAgreements()) {
      if (row.state() == AccessRequest.State.ACTIVE
          && row.product().equals(product)
          && !found.contains(row.requester())) {
        found.add(row.requester());
      }
    }
    return found;
  }

  private static Delivery delivery(
      String subscriptionId,
      String recipient,
      String channel,
      String target,
      CatalogEvent e,
      String payload,
      Instant now) {
    return new Delivery(
        0,
        subscriptionId,
        recipient,
        channel,
        target,
        e.id(),
        e.type(),
        e.product(),
        payload,
        Delivery.PENDING,
        0,
        now,
        now,
        null,
        null,
        null,
        null);
  }
}
