package io.tessera.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTest {
  private final EventParser parser = new EventParser();

  static final String VALID =
      """
      {"eventType":"START","eventTime":"2026-03-01T10:00:00.123456789+10:00","producer":"https://example.com/p",
       "run":{"runId":"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6"},
       "job":{"namespace":"airflow","name":"etl","facets":{"x":{"_deleted":null}}}}
      """;

  private LineageEvent parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldDecideTheKindAsMarquezDoes() {
    assertThat(parse(VALID)).isInstanceOf(LineageEvent.RunEvent.class);
    assertThat(
            parse(
                "{\"eventTime\":\"2026-01-01T00:00:00Z\",\"producer\":\"p\",\"dataset\":{\"namespace\":\"n\",\"name\":\"d\"}}"))
        .isInstanceOf(LineageEvent.DatasetEvent.class);
    assertThat(
            parse(
                "{\"eventTime\":\"2026-01-01T00:00:00Z\",\"producer\":\"p\",\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}"))
        .isInstanceOf(LineageEvent.JobEvent.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing run id      | "runId":"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6" | "other":1              | run.runId | required
          run id not a UUID   | 0190f1a2-3b4c-7d5e-8f60-718293a4b5c6             | run_id                 | run.runId | not a UUID
          time without zone   | 2026-03-01T10:00:00.123456789+10:00              | 2026-03-01T10:00:00    | eventTime | zone offset
          unknown event type  | "START"                                          | "DONE"                 | eventType | unknown 'DONE'
          job without name    | "name":"etl"                                     | "nom":"etl"            | job.name  | required
          time far in future  | 2026-03-01T10:00:00.123456789+10:00              | +999999999-01-01T00:00:00Z | eventTime | outside the years 1900 to 2999
          time before 1900    | 2026-03-01T10:00:00.123456789+10:00              | 1899-12-31T00:00:00Z   | eventTime | outside the years
          nominal time beyond | "runId":"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6"   | "runId":"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6","facets":{"nominalTime":{"nominalStartTime":"3000-01-01T00:00:00Z"}} | run.facets.nominalTime.nominalStartTime | outside the years
          """)
  void shouldRejectAnInvalidEventNamingTheField(
      String scenario, String find, String replace, String field, String message) {
    String json = VALID.replace(find, replace);
    assertThat(json).isNotEqualTo(VALID);

    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.errors())
                    .anySatisfy(
                        err -> {
                          assertThat(err.field()).isEqualTo(field);
                          assertThat(err.message()).contains(message);
                        }));
  }

  @Test
  void shouldGiveTheSameIdentityToTheSameEventWhateverTheKeyOrder() {
    String reordered =
        "{\"producer\":\"https://example.com/p\",\"eventTime\":\"2026-03-01T10:00:00.123456789+10:00\",\"eventType\":\"START\","
            + "\"job\":{\"name\":\"etl\",\"namespace\":\"airflow\",\"facets\":{\"x\":{\"_deleted\":null}}},"
            + "\"run\":{\"runId\":\"0190f1a2-3b4c-7d5e-8f60-718293a4b5c6\"}}";

    assertThat(parser.identity(parse(reordered))).isEqualTo(parser.identity(parse(VALID)));
    assertThat(parser.identity(parse(VALID.replace("START", "COMPLETE"))))
        .isNotEqualTo(parser.identity(parse(VALID)));
  }

  @Test
  void shouldAcceptTimesAtTheEdgesOfTheRange() {
    assertThat(parse(VALID.replace("2026-03-01T10:00:00.123456789+10:00", "1900-01-01T00:00:00Z")))
        .isNotNull();
    assertThat(parse(VALID.replace("2026-03-01T10:00:00.123456789+10:00", "2999-12-31T23:59:59Z")))
        .isNotNull();
  }

  @Test
  void shouldRejectABodyThatIsNotJson() {
    assertThatThrownBy(() -> parse("{not json")).isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> parse("[]")).isInstanceOf(InvalidEventException.class);
  }
}
