package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultFormatTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "none | false | SPARQL_JSON",
        "*/* | false | SPARQL_JSON",
        "application/json | false | SPARQL_JSON",
        "application/xml | false | SPARQL_XML",
        "text/* | false | CSV",
        "text/csv;q=0.5, text/tab-separated-values | false | TSV",
        "application/sparql-results+xml;q=0.9, */*;q=0.1 | false | SPARQL_XML",
        "image/png, text/csv;q=0.2 | false | CSV",
        "none | true | TURTLE",
        "application/json | true | JSONLD",
        "text/plain | true | NTRIPLES",
        "application/rdf+xml, text/turtle;q=0.8 | true | RDFXML",
        "application/n-quads | true | NQUADS"
      })
  void shouldChooseTheBestFormatTheClientAccepts(String accept, boolean rdf, ResultFormat chosen) {
    assertThat(ResultFormat.negotiate(accept, rdf)).contains(chosen);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "image/png | false",
        "text/turtle | false",
        "text/csv | true",
        "application/sparql-results+json | true",
        "text/csv;q=0 | false"
      })
  void shouldFindNoFormatWhenTheClientAcceptsNoneOfThem(String accept, boolean rdf) {
    assertThat(ResultFormat.negotiate(accept, rdf)).isEmpty();
  }
}
