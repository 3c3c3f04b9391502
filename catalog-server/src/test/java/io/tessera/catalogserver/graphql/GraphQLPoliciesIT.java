package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.graphql.dgs.client.GraphQLResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code DataProduct.policies} over real HTTP, with real {@code kind: Policy} documents applied
 * through the {@code applyDescriptors} mutation and real API tokens: which policies apply (by
 * product, domain and classification, with product constraints narrowing the rules), who may see
 * them (admins and the product's domain owners), and one policy evaluation per query level.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLPoliciesIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MESH =
      """
      apiVersion: tessera/v1
      kind: Domain
      metadata: {name: customer}
      spec: {title: Customer, owner: "mailto:customer@example.com"}
      ---
      apiVersion: tessera/v1
      kind: Domain
      metadata: {name: sales}
      spec: {title: Sales, owner: "mailto:sales@example.com"}
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: customer, name: profiles}
      spec:
        title: Customer Profiles
        owner: "mailto:customer@example.com"
        classification: [pii]
        outputPorts:
          - name: table
            dataset: {namespace: "postgres://wh:5432", name: customer.public.profiles}
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: customer, name: segments}
      spec:
        title: Customer Segments
        owner: "mailto:customer@example.com"
        classification: [internal]
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: sales, name: orders}
      spec:
        title: Orders
        owner: "mailto:sales@example.com"
        tags: [core]
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: sales, name: visits}
      spec:
        title: Store Visits
        owner: "mailto:sales@example.com"
        tags: [location]
      ---
      apiVersion: tessera/v1
      kind: Policy
      metadata: {name: eu-only-pii}
      spec:
        description: Personal data is only for readers resident in the EU.
        targets: {classifications: [pii]}
        permissions:
          - actions: [discover, read]
            constraints:
              - {attribute: region, operator: isAnyOf, values: [eu]}
      ---
      apiVersion: tessera/v1
      kind: Policy
      metadata: {domain: customer, name: segments-for-analytics}
      spec:
        targets: {products: [segments]}
        permissions:
          - actions: [read]
            constraints:
              - {attribute: purpose, values: [analytics]}
      ---
      apiVersion: tessera/v1
      kind: Policy
      metadata: {domain: sales, name: location-stays-in-eu}
      spec:
        targets: {domains: [sales]}
        prohibitions:
          - actions: [read]
            constraints:
              - {attribute: product.tag, operator: isAnyOf, values: [location]}
              - {attribute: region, operator: isNoneOf, values: [eu]}
      """;
  private static final String POLICIES =
      """
      query($d: String!, $n: String!) { product(domain: $d, name: $n) { name
        policies { key name domain global iri description
          matchedBy { kind value }
          rules { label effect actions
            constraints { label operand operator values text } } } } }""";

  @Inject EmbeddedServer server;
  @Inject CatalogReads reads;

  GraphQLTestClient admin;
  GraphQLTestClient customerOwner;
  GraphQLTestClient euReader;
  GraphQLTestClient usReader;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-graphql-policies");
  }

  @BeforeAll
  void applyTheMeshAndIssueTokens() {
    admin = new GraphQLTestClient(server.getURL());
    GraphQLResponse applied =
        admin.ok(
            "mutation($d: String!) { applyDescriptors(input: { documents: $d }) {"
                + " results { kind status } } }",
            Map.of("d", MESH));
    assertThat(applied.<List<String>>extractValue("applyDescriptors.results[*].status"))
        .hasSize(9)
        .containsOnly("created");
    customerOwner =
        new GraphQLTestClient(
            server.getURL(), token("customer-owner", "domain-owner", "customer", Map.of()));
    euReader =
        new GraphQLTestClient(
            server.getURL(), token("eu-reader", "consumer", null, Map.of("region", List.of("eu"))));
    usReader =
        new GraphQLTestClient(
            server.getURL(), token("us-reader", "consumer", null, Map.of("region", List.of("us"))));
  }

  @Test
  void shouldListThePoliciesThatTargetAProductByClassificationWithTheirRules() {
    GraphQLResponse r = admin.ok(POLICIES, Map.of("d", "customer", "n", "profiles"));
    assertThat(r.<List<String>>extractValue("product.policies[*].key"))
        .containsExactly("global/eu-only-pii");
    assertThat(r.<String>extractValue("product.policies[0].name")).isEqualTo("eu-only-pii");
    assertThat(r.<Object>extractValue("product.policies[0].domain")).isNull();
    assertThat(r.<Boolean>extractValue("product.policies[0].global")).isTrue();
    assertThat(r.<String>extractValue("product.policies[0].iri"))
        .isEqualTo("https://tessera.local/policy/global/eu-only-pii");
    assertThat(r.<String>extractValue("product.policies[0].description"))
        .startsWith("Personal data");
    assertThat(r.<List<String>>extractValue("product.policies[0].matchedBy[*].kind"))
        .containsExactly("CLASSIFICATION");
    assertThat(r.<List<String>>extractValue("product.policies[0].matchedBy[*].value"))
        .containsExactly("pii");
    assertThat(r.<List<String>>extractValue("product.policies[0].rules[*].label"))
        .containsExactly("permissions[0]");
    assertThat(r.<String>extractValue("product.policies[0].rules[0].effect")).isEqualTo("PERMIT");
    assertThat(r.<List<String>>extractValue("product.policies[0].rules[0].actions"))
        .containsExactly("DISCOVER", "READ");
    assertThat(r.<String>extractValue("product.policies[0].rules[0].constraints[0].operand"))
        .isEqualTo("region");
    assertThat(r.<String>extractValue("product.policies[0].rules[0].constraints[0].operator"))
        .isEqualTo("isAnyOf");
    assertThat(r.<List<String>>extractValue("product.policies[0].rules[0].constraints[0].values"))
        .containsExactly("eu");
    assertThat(r.<String>extractValue("product.policies[0].rules[0].constraints[0].text"))
        .isEqualTo("region isAnyOf [eu]");
  }

  @Test
  void shouldMatchByProductAndByDomainAndLeaveOutRulesWhoseProductConstraintsFail() {
    GraphQLResponse segments = admin.ok(POLICIES, Map.of("d", "customer", "n", "segments"));
    assertThat(segments.<List<String>>extractValue("product.policies[*].key"))
        .containsExactly("customer/segments-for-analytics");
    assertThat(segments.<List<String>>extractValue("product.policies[0].matchedBy[*].kind"))
        .containsExactly("PRODUCT");
    assertThat(segments.<List<String>>extractValue("product.policies[0].matchedBy[*].value"))
        .containsExactly("customer/segments");
    assertThat(segments.<Boolean>extractValue("product.policies[0].global")).isFalse();
    assertThat(segments.<String>extractValue("product.policies[0].domain")).isEqualTo("customer");

    // the sales policy targets the whole domain; its prohibition applies only to location data
    GraphQLResponse visits = admin.ok(POLICIES, Map.of("d", "sales", "n", "visits"));
    assertThat(visits.<List<String>>extractValue("product.policies[*].key"))
        .containsExactly("sales/location-stays-in-eu");
    assertThat(visits.<List<String>>extractValue("product.policies[0].matchedBy[*].kind"))
        .containsExactly("DOMAIN");
    assertThat(visits.<List<String>>extractValue("product.policies[0].rules[*].effect"))
        .containsExactly("PROHIBIT");
    assertThat(
            visits.<List<String>>extractValue("product.policies[0].rules[0].constraints[*].text"))
        .containsExactly("product.tag isAnyOf [location]", "region isNoneOf [eu]");
    GraphQLResponse orders = admin.ok(POLICIES, Map.of("d", "sales", "n", "orders"));
    assertThat(orders.<List<String>>extractValue("product.policies[*].key"))
        .containsExactly("sales/location-stays-in-eu");
    assertThat(orders.<List<Object>>extractValue("product.policies[0].rules")).isEmpty();
  }

  @Test
  void shouldShowPoliciesToTheProductsDomainOwnersOnly() {
    GraphQLResponse own = customerOwner.ok(POLICIES, Map.of("d", "customer", "n", "profiles"));
    assertThat(own.<List<String>>extractValue("product.policies[*].key"))
        .containsExactly("global/eu-only-pii");
    GraphQLResponse other = customerOwner.ok(POLICIES, Map.of("d", "sales", "n", "visits"));
    assertThat(other.<String>extractValue("product.name")).isEqualTo("visits");
    assertThat(other.<Object>extractValue("product.policies")).isNull();

    // a consumer the policy lets read the product still does not see the policy itself
    GraphQLResponse reader = euReader.ok(POLICIES, Map.of("d", "customer", "n", "profiles"));
    assertThat(reader.<String>extractValue("product.name")).isEqualTo("profiles");
    assertThat(reader.<Object>extractValue("product.policies")).isNull();
  }

  @Test
  void shouldLeaveAProductThePoliciesHideAbsentForItsPolicies() {
    GraphQLResponse hidden = usReader.ok(POLICIES, Map.of("d", "customer", "n", "profiles"));
    assertThat(hidden.<Object>extractValue("product")).isNull();
    GraphQLResponse listed =
        usReader.ok(
            "{ domain(name: \"customer\") { products { edges { node { name policies { key } } } }"
                + " } }");
    assertThat(listed.<List<String>>extractValue("domain.products.edges[*].node.name"))
        .containsExactly("segments");
    assertThat(listed.<List<Object>>extractValue("domain.products.edges[*].node.policies"))
        .containsOnlyNulls();
  }

  @Test
  void shouldEvaluateThePoliciesOfAWholePageAtOnce() {
    String page =
        """
        query($n: Int!) { products(first: $n) { edges { node {
          name policies { key rules { label } } } } } }""";
    long before = reads.storeReads();
    GraphQLResponse two = admin.ok(page, Map.of("n", 2));
    long forTwo = reads.storeReads() - before;
    before = reads.storeReads();
    GraphQLResponse four = admin.ok(page, Map.of("n", 4));
    long forFour = reads.storeReads() - before;
    assertThat(two.<List<String>>extractValue("products.edges[*].node.name")).hasSize(2);
    assertThat(four.<List<String>>extractValue("products.edges[*].node.name"))
        .containsExactly("profiles", "segments", "orders", "visits");
    assertThat(four.<List<String>>extractValue("products.edges[*].node.policies[*].key"))
        .containsExactly(
            "global/eu-only-pii",
            "customer/segments-for-analytics",
            "sales/location-stays-in-eu",
            "sales/location-stays-in-eu");
    // one read for the page, one policy evaluation for all its products
    assertThat(forFour).isEqualTo(forTwo).isLessThanOrEqualTo(2);
  }

  private String token(
      String subject, String role, String domain, Map<String, List<String>> attributes) {
    Map<String, Object> request =
        domain == null
            ? Map.of("subject", subject, "roles", List.of(role), "attributes", attributes)
            : Map.of(
                "subject",
                subject,
                "roles",
                List.of(role),
                "domains",
                List.of(domain),
                "attributes",
                attributes);
    try {
      HttpResponse<String> response =
          admin.postJson("/api/v1/tokens", JSON.writeValueAsString(request));
      assertThat(response.statusCode()).isBetween(200, 299);
      JsonNode issued = JSON.readTree(response.body());
      return issued.path("secret").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
