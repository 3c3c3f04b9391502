package io.tessera.catalogserver.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.catalogserver.events.CatalogEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
  @Test
  void shouldMatchTypesByExactNameOrPrefixPattern() {
    assertThat(Subscription.typeMatches(List.of("incident.*"), "io.tessera.incident.opened"))
        .isTrue();
    assertThat(Subscription.typeMatches(List.of("product.changed"), "io.tessera.product.changed"))
        .isTrue();
    assertThat(Subscription.typeMatches(List.of("*"), "io.tessera.access.active")).isTrue();
    assertThat(Subscription.typeMatches(List.of("io.tessera.product.*"), "io.tessera.product.x"))
        .isTrue();
    assertThat(Subscription.typeMatches(List.of("incident.*"), "io.tessera.incidents.opened"))
        .isFalse();
    assertThat(Subscription.typeMatches(List.of("product.changed"), "io.tessera.product.deleted"))
        .isFalse();
  }

  @Test
  void shouldMatchProductEventsOfItsProductOrDomainOnly() {
    CatalogEvent orders = CatalogEvent.of("product.changed", "sales/orders", "sales/orders", null);
    CatalogEvent domain = CatalogEvent.of("domain.changed", "sales", null, null);
    CatalogEvent policy = CatalogEvent.of("policy.changed", "sales", null, null);

    assertThat(subscription("sales", "orders").matches(orders)).isTrue();
    assertThat(subscription("sales", "invoices").matches(orders)).isFalse();
    assertThat(subscription("sales", "orders").matches(domain)).isFalse();
    assertThat(subscription("sales", null).matches(orders)).isTrue();
    assertThat(subscription("sales", null).matches(domain)).isTrue();
    assertThat(subscription("sales", null).matches(policy)).isFalse();
    assertThat(subscription("finance", null).matches(orders)).isFalse();
  }

  private static Subscription subscription(String domain, String product) {
    return new Subscription(
        "s", "dana", domain, product, List.of("*"), "webhook", "https://x", null, Instant.EPOCH);
  }
}
