package io.tessera.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IriMinterTest {
  private final IriMinter iris = new IriMinter("https://catalog.example/");

  @Test
  void shouldMintReadableIrisUnderTheBase() {
    assertThat(iris.domain("sales")).isEqualTo("https://catalog.example/domain/sales");
    assertThat(iris.product("sales", "orders"))
        .isEqualTo("https://catalog.example/product/sales/orders");
    assertThat(iris.port("sales", "orders", "orders-table"))
        .isEqualTo("https://catalog.example/product/sales/orders/port/orders-table");
    assertThat(iris.productGraph("sales", "orders"))
        .isEqualTo("https://catalog.example/graph/product/sales/orders");
    assertThat(iris.observedGraph("sales", "orders"))
        .isEqualTo("https://catalog.example/graph/product/sales/orders/observed");
    assertThat(iris.productGraphPrefix() + "sales/orders")
        .isEqualTo(iris.productGraph("sales", "orders"));
  }

  @Test
  void shouldEncodeOpenLineageIdentityAsTwoPathSegments() {
    assertThat(iris.dataset("postgres://db:5432", "sales.public.orders"))
        .isEqualTo(
            "https://catalog.example/dataset/postgres%3A%2F%2Fdb%3A5432/sales.public.orders");
    assertThat(iris.dataset("s3://bucket", "path/to my/file"))
        .isEqualTo("https://catalog.example/dataset/s3%3A%2F%2Fbucket/path%2Fto%20my%2Ffile");
  }

  @Test
  void shouldNestRunGraphsUnderTheirJobsGraphSoThatHidingTheJobHidesThem() {
    String job = iris.jobGraph("airflow://prod", "sales.load_orders");
    assertThat(job)
        .isEqualTo(
            "https://catalog.example/graph/lineage/job/airflow%3A%2F%2Fprod/sales.load_orders");
    assertThat(iris.runGraph("airflow://prod", "sales.load_orders", "0195-a"))
        .isEqualTo(job + "/run/0195-a");
    assertThat(iris.jobGraphOf(iris.job("airflow://prod", "sales.load_orders"))).isEqualTo(job);
    assertThat(iris.datasetGraphOf(iris.dataset("s3://b", "path/to my/file")))
        .isEqualTo(iris.datasetGraph("s3://b", "path/to my/file"));
    assertThatThrownBy(() -> iris.jobGraphOf(iris.dataset("s3://b", "x")))
        .isInstanceOf(OntologyException.class);
  }

  @Test
  void shouldReadTheRunIdBackFromARunIri() {
    for (String runId : java.util.List.of("0195d1c2-4e5f-7a6b", "a b+c/d%e:f", "ünïcode")) {
      assertThat(iris.runId(iris.run(runId))).isEqualTo(runId);
    }
    assertThat(iris.runId(iris.job("ns", "name"))).isNull();
    assertThat(iris.runId("https://catalog.example/run/")).isNull();
    assertThat(iris.runId(null)).isNull();
  }

  @Test
  void shouldRejectNamesThatAreNotSlugs() {
    assertThatThrownBy(() -> iris.domain("Sales Team")).isInstanceOf(OntologyException.class);
    assertThatThrownBy(() -> iris.product("sales", "../x")).isInstanceOf(OntologyException.class);
    assertThatThrownBy(() -> iris.dataset("", "x")).isInstanceOf(OntologyException.class);
  }

  @Test
  void shouldRejectRelativeBase() {
    assertThatThrownBy(() -> new IriMinter("catalog")).isInstanceOf(OntologyException.class);
    assertThat(new IriMinter("urn:tessera:acme").domain("x"))
        .isEqualTo("urn:tessera:acme/domain/x");
  }
}
