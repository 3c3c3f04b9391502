package io.tessera.searchindex;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.searchindex.document.Platforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The platform facet comes from the OpenLineage namespace. */
class PlatformsTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "postgres://warehouse.internal:5432, postgres",
        "postgresql://db:5432, postgres",
        "kafka://events.internal:9092, kafka",
        "s3://acme-lake, s3",
        "s3a://acme-lake, s3",
        "gs://bucket, gcs",
        "bigquery, bigquery",
        "snowflake://acme-prod.eu-west-1, snowflake",
        "https://api.acme-retail.example, http",
        "file:///tmp/x, file",
        "'not a namespace', null",
        "'', null"
      })
  void shouldNameThePlatformOfANamespace(String namespace, String platform) {
    assertThat(Platforms.of(namespace)).isEqualTo(platform);
  }
}
