package io.tessera.catalogserver.usage;

import static io.tessera.catalogserver.persistence.SqlTime.instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational reads of consumers and time-to-value: when products were declared and first
 * promised a dataset ({@code descriptor_revision}), and their agreements ({@code access_request}).
 * Each read is one query, for one product or for the whole mesh, never one per product.
 */
@Singleton
class UsageRecords {
  private static final Logger LOG = LoggerFactory.getLogger(UsageRecords.class);
  private static final String PRODUCT_KIND = "DataProduct";
  private static final int CHUNK = 500;

  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();

  UsageRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * An active agreement on a product, as consumers lists show it.
   *
   * @param port the output port it is limited to, or null for the whole product
   */
  record Agreement(
      String requester, String purpose, String purposeCode, Instant start, String port) {

    /** The purpose code, or the purpose text when there is none. */
    String purposeText() {
      return purposeCode != null ? purposeCode : purpose;
    }
  }

  /**
   * The time of each product's first revision, by product IRI: of these products, one query per
   * chunk of them, or of all products when {@code productIris} is null.
   */
  Map<String, Instant> declared(Collection<String> productIris) {
    Map<String, Instant> found = new HashMap<>();
    String select = "SELECT entity_iri, MIN(applied_at) FROM descriptor_revision WHERE kind = ?";
    if (productIris == null) {
      query(
          select + " GROUP BY entity_iri",
          List.of(PRODUCT_KIND),
          rs -> found.put(rs.getString(1), instant(rs, 2)));
      return found;
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(productIris));
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
      List<Object> params = new ArrayList<>();
      params.add(PRODUCT_KIND);
      params.addAll(chunk);
      query(
          select
              + " AND entity_iri IN ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ") GROUP BY entity_iri",
          params,
          rs -> found.put(rs.getString(1), instant(rs, 2)));
    }
    return found;
  }

  /**
   * The time of each product's first revision whose descriptor promises an output port with a
   * dataset, by product IRI (all products when null). Only revisions that mention output ports are
   * read, oldest first, and each product's are skipped once one promises a dataset.
   */
  Map<String, Instant> planned(String productIri) {
    String sql =
        "SELECT entity_iri, applied_at, descriptor FROM descriptor_revision WHERE kind = ?"
            + " AND descriptor LIKE ?"
            + (productIri == null ? "" : " AND entity_iri = ?")
            + " ORDER BY entity_iri, revision";
    List<Object> params = new ArrayList<>(List.of(PRODUCT_KIND, "%outputPorts%"));
    if (productIri != null) {
      params.add(productIri);
    }
    Map<String, Instant> found = new HashMap<>();
    query(
        sql,
        params,
        rs -> {
          String iri = rs.getString(1);
          if (!found.containsKey(iri) && promisesDataset(rs.getString(3))) {
            found.put(iri, instant(rs, 2));
          }
        });
    return found;
  }

  /** The earliest agreement start of each product, by {@code domain/name}, expired ones too. */
  Map<String, Instant> firstAgreements(String domain, String name) {
    String sql =
        "SELECT product_domain, product_name, MIN(agreement_start) FROM access_request"
            + " WHERE agreement_start IS NOT NULL"
            + (domain == null ? "" : " AND product_domain = ? AND product_name = ?")
            + " GROUP BY product_domain, product_name";
    Map<String, Instant> found = new HashMap<>();
    query(
        sql,
        domain == null ? List.of() : List.of(domain, name),
        rs -> found.put(rs.getString(1) + "/" + rs.getString(2), instant(rs, 3)));
    return found;
  }

  /** The agreements on a product that are active and not expired at {@code now}. */
  List<Agreement> activeAgreements(String domain, String name, Instant now) {
    List<Agreement> found = new ArrayList<>();
    query(
        "SELECT requester, purpose, purpose_code, agreement_start, port FROM access_request"
            + " WHERE product_domain = ? AND product_name = ? AND state = ?"
            + " AND agreement_expires > ? ORDER BY agreement_start, requester",
        List.of(
            domain,
            name,
            io.tessera.catalogserver.exchange.AccessRequest.State.ACTIVE.name(),
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC)),
        rs ->
            found.add(
                new Agreement(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs, 4),
                    rs.getString(5))));
    return found;
  }

  private boolean promisesDataset(String descriptor) {
    if (descriptor == null) {
      return false;
    }
    try {
      for (JsonNode port : json.readTree(descriptor).path("spec").path("outputPorts")) {
        if (port.path("dataset").isObject()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      LOG.warn("a stored descriptor is not JSON; it counts as promising no dataset", e);
      return false;
    }
  }

  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<?> params, RowHandler handler) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        select.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          handler.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new UsageException("cannot read the usage records", e);
    }
  }
}
