package io.tessera.catalogserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The demo's exchange ({@code demo/exchange.yaml}): access requests in each state, decided by the
 * owners of the products' domains, and interest in planned products, all through {@link
 * ExchangeService} as the people named there, so that every page of the exchange shows something
 * real.
 */
@Singleton
public class DemoExchange {
  private final ExchangeService exchange;
  private final DescriptorParser parser;

  public DemoExchange(ExchangeService exchange, DescriptorParser parser) {
    this.exchange = exchange;
    this.parser = parser;
  }

  /** Files the demo's requests, decides them, and registers the demo's interest. */
  public void load(byte[] yaml) {
    JsonNode demo = parser.parse(yaml, false).getFirst();
    for (JsonNode r : demo.path("requests")) {
      Principal requester = consumer(r);
      AccessRequest request =
          exchange.request(
              requester,
              new ExchangeService.RequestInput(
                  r.path("product").asText(),
                  null,
                  r.path("purpose").asText(),
                  text(r, "purposeCode"),
                  text(r, "intendedUse"),
                  r.path("durationDays").asInt(90)));
      String domain = request.product().substring(0, request.product().indexOf('/'));
      Principal owner =
          new Principal(domain + "-owner", Set.of(Role.DOMAIN_OWNER), Set.of(domain), Map.of());
      String reason = text(r, "reason");
      switch (r.path("decision").asText("")) {
        case "approve" -> exchange.approve(owner, request.id(), reason, null);
        case "reject" -> exchange.reject(owner, request.id(), reason);
        case "withdraw" -> exchange.withdraw(requester, request.id(), reason);
        case "revoke" -> {
          exchange.approve(owner, request.id(), null, null);
          exchange.revoke(owner, request.id(), reason);
        }
        default -> {}
      }
    }
    for (JsonNode i : demo.path("interest")) {
      String[] product = i.path("product").asText().split("/", 2);
      exchange.putInterest(consumer(i), product[0], product[1], text(i, "useCase"));
    }
  }

  private static Principal consumer(JsonNode entry) {
    Map<String, Set<String>> attributes = new HashMap<>();
    entry
        .path("attributes")
        .properties()
        .forEach(
            a -> {
              Set<String> values = new HashSet<>();
              a.getValue().forEach(v -> values.add(v.asText()));
              attributes.put(a.getKey(), values);
            });
    return new Principal(
        entry.path("subject").asText(), Set.of(Role.CONSUMER), Set.of(), attributes);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
