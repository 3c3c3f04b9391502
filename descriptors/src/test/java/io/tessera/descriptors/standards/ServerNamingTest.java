package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ServerNamingTest {

  static Stream<Arguments> namedServers() {
    return Stream.of(
        arguments(
            "{type: postgres, host: db, port: 5432, database: shop, schema: public}",
            "postgres://db:5432",
            "shop.public.orders"),
        arguments(
            "{type: postgresql, host: db, database: shop, schema: public}",
            "postgres://db:5432",
            "shop.public.orders"),
        arguments(
            "{type: mysql, host: db, port: 3307, database: shop}",
            "mysql://db:3307",
            "shop.orders"),
        arguments(
            "{type: sqlserver, host: sql, database: shop, schema: dbo}",
            "mssql://sql:1433",
            "shop.dbo.orders"),
        arguments(
            "{type: db2, host: mainframe, port: 50001, database: shop, schema: app}",
            "db2://mainframe:50001",
            "shop.app.orders"),
        arguments(
            "{type: trino, host: trino, port: 8443, catalog: hive, schema: sales}",
            "trino://trino:8443",
            "hive.sales.orders"),
        arguments(
            "{type: hive, host: metastore, database: sales}",
            "hive://metastore:9083",
            "sales.orders"),
        arguments(
            "{type: oracle, host: ora, port: 1521, serviceName: ORCL, schema: SALES}",
            "oracle://ora:1521",
            "ORCL.SALES.orders"),
        arguments(
            "{type: snowflake, account: MyOrg-MyAccount, database: DB, schema: PUBLIC}",
            "snowflake://myorg-myaccount",
            "DB.PUBLIC.orders"),
        arguments(
            "{type: bigquery, project: acme-prod, dataset: sales}",
            "bigquery",
            "acme-prod.sales.orders"),
        arguments(
            "{type: redshift, host: c.x.us-west-2.redshift.amazonaws.com, database: d, schema: s}",
            "redshift://c.us-west-2:5439",
            "d.s.orders"),
        arguments(
            "{type: redshift, host: dwh, region: eu-west-1, port: 5440, database: dev, schema: x}",
            "redshift://dwh.eu-west-1:5440",
            "dev.x.orders"),
        arguments(
            "{type: athena, regionName: eu-central-1, schema: sales, stagingDir: 's3://tmp/'}",
            "awsathena://athena.eu-central-1.amazonaws.com",
            "awsdatacatalog.sales.orders"),
        arguments(
            "{type: databricks, host: 'https://adb-1.azure.net', catalog: main, schema: sales}",
            "unitycatalog://adb-1.azure.net",
            "main.sales.orders"),
        arguments("{type: kafka, host: broker}", "kafka://broker", "orders"),
        arguments("{type: kafka, host: broker, port: 9093}", "kafka://broker:9093", "orders"),
        arguments("{type: kafka, host: 'SASL_SSL://b1:9092,b2:9092'}", "kafka://b1:9092", "orders"),
        arguments("{type: pubsub, project: acme}", "pubsub", "topic:acme:orders"),
        arguments(
            "{type: s3, location: 's3://bucket/data/{model}/*.json'}",
            "s3://bucket",
            "data/orders"),
        arguments("{type: s3, location: 's3a://bucket'}", "s3://bucket", "orders"),
        arguments(
            "{type: gcs, location: 'gs://bucket/exports/orders.parquet'}",
            "gs://bucket",
            "exports/orders.parquet"),
        arguments(
            "{type: azure, location: 'abfss://raw@acme.dfs.core.windows.net/sales/*.csv'}",
            "abfss://raw@acme.dfs.core.windows.net",
            "sales"),
        arguments(
            "{type: sftp, location: 'sftp://user@files.acme.com:22/drop/{model}.csv'}",
            "file://files.acme.com",
            "drop/orders.csv"),
        arguments(
            "{type: local, path: '/data/{model}.parquet', format: parquet}",
            "file",
            "/data/orders.parquet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedServers")
  void shouldNameDatasetsAsOpenLineageDoes(String server, String namespace, String name) {
    DatasetIdentity identity =
        ServerNaming.identity(StandardFixtures.yaml(server), "servers[0]", "orders").orElseThrow();

    assertThat(identity).isEqualTo(new DatasetIdentity(namespace, name));
  }

  @Test
  void shouldNameNoDatasetForApiServers() {
    assertThat(
            ServerNaming.identity(
                StandardFixtures.yaml("{type: api, location: 'https://api.acme.com/orders'}"),
                "servers[0]",
                "orders"))
        .isEmpty();
    assertThat(ServerNaming.portType("api")).isEqualTo("api");
  }

  @Test
  void shouldUseSchemaQualifiedPhysicalNameForOracleServersWithoutSchema() {
    DatasetIdentity identity =
        ServerNaming.identity(
                StandardFixtures.yaml("{type: oracle, host: ora, port: 1521, serviceName: ORCL}"),
                "servers[0]",
                "HR.EMPLOYEES")
            .orElseThrow();

    assertThat(identity.name()).isEqualTo("ORCL.HR.EMPLOYEES");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {host: db} | servers[2].type
          {type: kinesis, region: eu-west-1} | servers[2].type
          {type: snowflake, database: DB, schema: PUBLIC} | servers[2].account
          {type: redshift, host: warehouse, database: dev, schema: public} | servers[2].region
          {type: s3, location: 'bucket/data'} | servers[2].location
          {type: oracle, host: ora, serviceName: ORCL} | servers[2].schema
          """)
  void shouldNameTheServerFieldThatPreventsNaming(String server, String field) {
    assertThatThrownBy(
            () -> ServerNaming.identity(StandardFixtures.yaml(server), "servers[2]", "orders"))
        .isInstanceOfSatisfying(
            StandardImportException.class, error -> assertThat(error.field()).isEqualTo(field));
  }

  @ParameterizedTest
  @CsvSource({"kafka,topic", "pubsub,topic", "s3,file", "local,file", "postgres,table", ",table"})
  void shouldDerivePortTypeFromServerType(String serverType, String portType) {
    assertThat(ServerNaming.portType(serverType)).isEqualTo(portType);
  }
}
