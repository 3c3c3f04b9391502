package io.tessera.catalogserver.graphql;

import static io.tessera.catalogserver.graphql.GraphQLTestClient.codes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The exchange over GraphQL on the demo catalog, over real HTTP with real API tokens: a US analyst
 * asks for the churn risk scores, whose tables only the retention purpose may read; the customer
 * domain's owner approves, and the analyst reads them until the owner revokes. Refusals carry the
 * REST problem's code and field errors, and a product the analyst may not discover answers exactly
 * like a missing one.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLExchangeIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHURN = "customer/churn-risk-scores";
  private static final String CHURN_TABLE = "acme-analytics.customer.churn_scores";
  private static final String PORTS =
      """
      query($d: String!, $n: String!) { product(domain: $d, name: $n) { name
        accessTerms { approval maxDurationDays policies }
        outputPorts { edges { node { name dataset { name } } } } } }""";
  private static final String REQUEST_ACCESS =
      """
      mutation($input: RequestAccessInput!) { requestAccess(input: $input) {
        id product port requester purpose purposeCode intendedUse durationDays state mayDecide
        agreement { id } transitions { from to by } } }""";
  private static final String REQUEST_FIELDS =
      "id product state mayDecide decidedBy"
          + " agreement { id iri assignee purposeCode start expiresAt state }"
          + " transitions { from to by reason }";

  @Inject EmbeddedServer server;

  GraphQLTestClient admin;
  GraphQLTestClient analyst;
  GraphQLTestClient customerOwner;
  GraphQLTestClient bystander;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-graphql-exchange", "tessera.demo", "true");
  }

  @BeforeAll
  void issueTokens() {
    admin = new GraphQLTestClient(server.getURL());
    analyst =
        new GraphQLTestClient(
            server.getURL(),
            token("us-analyst", "consumer", null, Map.of("region", List.of("us"))));
    customerOwner =
        new GraphQLTestClient(
            server.getURL(), token("customer-owner", "domain-owner", "customer", Map.of()));
    bystander =
        new GraphQLTestClient(
            server.getURL(),
            token("us-bystander", "consumer", null, Map.of("region", List.of("us"))));
  }

  @Test
  void shouldReadTheProductThroughAnApprovedRequestUntilTheOwnerRevokesIt() {
    assertThat(churnTable(analyst)).isNull();
    assertThat(churnTable(admin)).isEqualTo(CHURN_TABLE);
    assertThat(analyst.ok("{ purposeCodes }").<List<String>>extractValue("purposeCodes"))
        .contains("retention", "analytics");

    GraphQLResponse requested =
        analyst.ok(
            REQUEST_ACCESS,
            Map.of(
                "input",
                request(
                    CHURN, "retention", "weekly retention campaign", "Reduce churn in the US")));
    String id = requested.extractValue("requestAccess.id");
    assertThat(id).startsWith("req-");
    assertThat(requested.<String>extractValue("requestAccess.state")).isEqualTo("requested");
    assertThat(requested.<String>extractValue("requestAccess.requester")).isEqualTo("us-analyst");
    assertThat(requested.<String>extractValue("requestAccess.purposeCode")).isEqualTo("retention");
    assertThat(requested.<Boolean>extractValue("requestAccess.mayDecide")).isFalse();
    assertThat(requested.<Object>extractValue("requestAccess.agreement")).isNull();
    assertThat(requested.<List<String>>extractValue("requestAccess.transitions[*].to"))
        .containsExactly("requested");
    assertThat(churnTable(analyst)).isNull();

    // the requester may not decide its own request; the owner sees it in its inbox
    assertThat(codes(analyst.query(transition("approveAccessRequest", id, "mine"))))
        .containsExactly("forbidden");
    GraphQLResponse inbox =
        customerOwner.ok(
            "{ accessRequests(view: \"inbox\", state: \"requested\") { id mayDecide } }");
    assertThat(inbox.<List<String>>extractValue("accessRequests[*].id")).contains(id);
    assertThat(bystander.ok(byId(id)).<Object>extractValue("accessRequest")).isNull();

    GraphQLResponse approved =
        customerOwner.ok(transition("approveAccessRequest", id, "for the retention team"));
    assertThat(approved.<String>extractValue("approveAccessRequest.state")).isEqualTo("active");
    assertThat(approved.<String>extractValue("approveAccessRequest.decidedBy"))
        .isEqualTo("customer-owner");
    assertThat(approved.<String>extractValue("approveAccessRequest.agreement.id")).isEqualTo(id);
    assertThat(approved.<String>extractValue("approveAccessRequest.agreement.assignee"))
        .isEqualTo("us-analyst");
    assertThat(approved.<String>extractValue("approveAccessRequest.agreement.state"))
        .isEqualTo("active");
    assertThat(approved.<List<String>>extractValue("approveAccessRequest.transitions[*].to"))
        .containsExactly("requested", "approved", "active");
    assertThat(approved.<String>extractValue("approveAccessRequest.transitions[1].reason"))
        .isEqualTo("for the retention team");

    assertThat(churnTable(analyst)).isEqualTo(CHURN_TABLE);
    GraphQLResponse held = analyst.ok("{ agreements { id product state } }");
    assertThat(held.<List<String>>extractValue("agreements[*].id")).containsExactly(id);
    assertThat(analyst.ok(byId(id)).<String>extractValue("accessRequest.state"))
        .isEqualTo("active");

    GraphQLResponse items = analyst.ok("{ inbox { id kind product requestId read } }");
    List<String> decided = items.extractValue("inbox[?(@.requestId == '" + id + "')].id");
    assertThat(decided).isNotEmpty();
    GraphQLResponse read =
        analyst.ok(
            "mutation($id: ID!) { markInboxItemRead(id: $id) { id kind read readAt } }",
            Map.of("id", decided.get(0)));
    assertThat(read.<Boolean>extractValue("markInboxItemRead.read")).isTrue();
    assertThat(read.<String>extractValue("markInboxItemRead.kind")).isEqualTo("request-decided");

    GraphQLResponse revoked =
        customerOwner.ok(transition("revokeAccessRequest", id, "the campaign ended"));
    assertThat(revoked.<String>extractValue("revokeAccessRequest.state")).isEqualTo("revoked");
    assertThat(revoked.<String>extractValue("revokeAccessRequest.agreement.state"))
        .isEqualTo("revoked");
    assertThat(churnTable(analyst)).isNull();
  }

  @Test
  void shouldNameTheFieldOfAnUnknownPurposeCode() {
    GraphQLResponse r =
        analyst.query(
            REQUEST_ACCESS,
            Map.of("input", request(CHURN, "world-domination", null, "Take over the world")));
    assertThat(codes(r)).containsExactly("invalid-request");
    assertThat(GraphQLTestClient.<List<String>>read(r, "$.errors[0].extensions.errors[*].field"))
        .containsExactly("purposeCode");
    assertThat(GraphQLTestClient.<List<String>>read(r, "$.errors[0].path"))
        .containsExactly("requestAccess");
  }

  @Test
  void shouldAnswerAHiddenProductExactlyLikeAMissingOne() {
    assertThat(product(analyst, "customer", "customer-profiles")).isNull();
    assertThat(product(admin, "customer", "customer-profiles")).isNotNull();

    GraphQLResponse hidden =
        analyst.query(
            REQUEST_ACCESS,
            Map.of("input", request("customer/customer-profiles", "analytics", null, "Profiles")));
    GraphQLResponse missing =
        analyst.query(
            REQUEST_ACCESS,
            Map.of("input", request("customer/no-such-product", "analytics", null, "Profiles")));
    assertThat(codes(hidden)).containsExactly("not-found");
    assertSameAnswer(hidden, missing, "customer-profiles", "no-such-product");

    String interest =
        "mutation($n: String!) { registerInterest(domain: \"customer\", name: $n, useCase: \"x\")"
            + " { subject } }";
    GraphQLResponse hiddenInterest = analyst.query(interest, Map.of("n", "customer-profiles"));
    GraphQLResponse missingInterest = analyst.query(interest, Map.of("n", "no-such-product"));
    assertThat(codes(hiddenInterest)).containsExactly("not-found");
    assertSameAnswer(hiddenInterest, missingInterest, "customer-profiles", "no-such-product");
  }

  @Test
  void shouldRefuseToRejectWithoutAReason() {
    GraphQLResponse requested =
        analyst.ok(
            REQUEST_ACCESS,
            Map.of("input", request("customer/loyalty-accounts", "analytics", null, "Tiers")));
    String id = requested.extractValue("requestAccess.id");

    GraphQLResponse noReason =
        customerOwner.query(
            "mutation($id: ID!) { rejectAccessRequest(id: $id) { id state } }", Map.of("id", id));
    assertThat(codes(noReason)).containsExactly("invalid-request");
    assertThat(
            GraphQLTestClient.<List<String>>read(
                noReason, "$.errors[0].extensions.errors[*].field"))
        .containsExactly("reason");
    assertThat(customerOwner.ok(byId(id)).<String>extractValue("accessRequest.state"))
        .isEqualTo("requested");

    GraphQLResponse rejected =
        customerOwner.ok(transition("rejectAccessRequest", id, "tiers are not for analytics"));
    assertThat(rejected.<String>extractValue("rejectAccessRequest.state")).isEqualTo("rejected");
    assertThat(rejected.<Object>extractValue("rejectAccessRequest.agreement")).isNull();
    // a decided request cannot be withdrawn any more
    assertThat(codes(analyst.query(transition("withdrawAccessRequest", id, "never mind"))))
        .containsExactly("conflict");
  }

  @Test
  void shouldShowInterestToEveryoneAsACountAndToOwnersByName() {
    String interest =
        """
        query($n: String!) { product(domain: "customer", name: $n) {
          interest { count mine { useCase createdAt } interested { subject useCase updatedAt } } } }""";
    GraphQLResponse registered =
        analyst.ok(
            "mutation { registerInterest(domain: \"customer\", name: \"customer-segments\","
                + " useCase: \"target win-back offers\") { product subject useCase } }",
            Map.of());
    assertThat(registered.<String>extractValue("registerInterest.subject")).isEqualTo("us-analyst");

    GraphQLResponse mine = analyst.ok(interest, Map.of("n", "customer-segments"));
    assertThat(mine.<Integer>extractValue("product.interest.count")).isEqualTo(1);
    assertThat(mine.<String>extractValue("product.interest.mine.useCase"))
        .isEqualTo("target win-back offers");
    assertThat(mine.<Object>extractValue("product.interest.interested")).isNull();
    GraphQLResponse owners = customerOwner.ok(interest, Map.of("n", "customer-segments"));
    assertThat(owners.<Object>extractValue("product.interest.mine")).isNull();
    assertThat(owners.<List<String>>extractValue("product.interest.interested[*].subject"))
        .containsExactly("us-analyst");

    GraphQLResponse demand =
        analyst.ok("{ demand(domain: \"customer\") { product state count latest } }");
    assertThat(demand.<List<String>>extractValue("demand[*].product"))
        .contains("customer/customer-segments");

    String withdraw =
        "mutation { withdrawInterest(domain: \"customer\", name: \"customer-segments\") }";
    assertThat(analyst.ok(withdraw, Map.of()).<Boolean>extractValue("withdrawInterest")).isTrue();
    assertThat(codes(analyst.query(withdraw))).containsExactly("not-found");
    assertThat(
            analyst
                .ok(interest, Map.of("n", "customer-segments"))
                .<Integer>extractValue("product.interest.count"))
        .isZero();
  }

  private static void assertSameAnswer(
      GraphQLResponse hidden, GraphQLResponse missing, String hiddenName, String missingName) {
    assertThat(hidden.getJson().replace(hiddenName, missingName)).isEqualTo(missing.getJson());
  }

  private static String churnTable(GraphQLTestClient client) {
    GraphQLResponse r = client.ok(PORTS, Map.of("d", "customer", "n", "churn-risk-scores"));
    assertThat(r.<String>extractValue("product.accessTerms.approval")).isEqualTo("owner");
    List<Object> tables = r.extractValue("product.outputPorts.edges[*].node.dataset.name");
    return tables.stream().filter(t -> t != null).map(Object::toString).findFirst().orElse(null);
  }

  private static Object product(GraphQLTestClient client, String domain, String name) {
    return client
        .ok(
            "query($d: String!, $n: String!) { product(domain: $d, name: $n) { name } }",
            Map.of("d", domain, "n", name))
        .extractValue("product");
  }

  private static String byId(String id) {
    return "{ accessRequest(id: \"" + id + "\") { " + REQUEST_FIELDS + " } }";
  }

  private static String transition(String mutation, String id, String reason) {
    return "mutation { "
        + mutation
        + "(id: \""
        + id
        + "\", reason: \""
        + reason
        + "\") { "
        + REQUEST_FIELDS
        + " } }";
  }

  private static Map<String, Object> request(
      String product, String purposeCode, String intendedUse, String purpose) {
    Map<String, Object> input = new HashMap<>();
    input.put("product", product);
    input.put("purpose", purpose);
    input.put("purposeCode", purposeCode);
    input.put("intendedUse", intendedUse);
    input.put("durationDays", 90);
    return input;
  }

  private String token(
      String subject, String role, String domain, Map<String, List<String>> attributes) {
    Map<String, Object> request = new HashMap<>();
    request.put("subject", subject);
    request.put("roles", List.of(role));
    request.put("attributes", attributes);
    if (domain != null) {
      request.put("domains", List.of(domain));
    }
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
