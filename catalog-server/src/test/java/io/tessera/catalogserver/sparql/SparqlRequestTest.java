package io.tessera.catalogserver.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparqlRequestTest {

  @Test
  void shouldDecodeARepeatedFormParameterInOrder() {
    var params =
        SparqlRequest.decodeForm(
            "query=SELECT+*+%7B%3Fs+%3Fp+%3Fo%7D&named-graph-uri=urn%3Aa&named-graph-uri=urn%3Ab");
    assertThat(params.get("query")).containsExactly("SELECT * {?s ?p ?o}");
    assertThat(params.get("named-graph-uri")).containsExactly("urn:a", "urn:b");

    SparqlRequest request = SparqlRequest.fromParameters(params);
    assertThat(request.query().isSelectType()).isTrue();
    assertThat(request.dataset().getNamedGraphURIs()).containsExactly("urn:a", "urn:b");
    assertThat(request.dataset().getDefaultGraphURIs()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "INSERT DATA { <urn:s> <urn:p> 1 }",
        "PREFIX ex: <urn:ex:> DELETE WHERE { ?s ex:p ?o }",
        "LOAD <http://example.com/data.ttl>"
      })
  void shouldRecogniseAnUpdateSentAsAQuery(String update) {
    assertThatThrownBy(() -> SparqlRequest.fromParameters(Map.of("query", List.of(update))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.UPDATE_NOT_ALLOWED));
    assertThatThrownBy(() -> SparqlRequest.fromBody(update, Map.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.UPDATE_NOT_ALLOWED));
  }

  @Test
  void shouldRefuseAnUpdateParameterEvenWithAQuery() {
    assertThatThrownBy(
            () ->
                SparqlRequest.fromParameters(
                    Map.of("query", List.of("ASK {}"), "update", List.of("CLEAR ALL"))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.UPDATE_NOT_ALLOWED));
  }

  @Test
  void shouldNameThePositionOfASyntaxError() {
    assertThatThrownBy(
            () ->
                SparqlRequest.fromParameters(
                    Map.of("query", List.of("SELECT * WHERE {\n ?s ?p }"))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.INVALID_QUERY);
              assertThat(e.errors().getFirst().field()).isEqualTo("query");
              assertThat(e.errors().getFirst().message()).contains("line 2");
            });
  }

  @Test
  void shouldAskForExactlyOneQuery() {
    assertThatThrownBy(() -> SparqlRequest.fromParameters(Map.of()))
        .hasMessageContaining("query parameter is required");
    assertThatThrownBy(
            () -> SparqlRequest.fromParameters(Map.of("query", List.of("ASK {}", "ASK {}"))))
        .hasMessageContaining("exactly one");
  }
}
