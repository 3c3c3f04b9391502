package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The published JSON Schemas of ODPS v1.0.0 and ODCS v3.1.0 (draft 2019-09), read in place from the
 * shared corpus ({@code fixtures/descriptors/*}/schema), and validation of documents against them
 * with networknt's json-schema-validator. Used by catalog-server's tests too.
 */
public final class StandardSchemas {

  private final Schema odps = load("odps/schema/odps-json-schema-v1.0.0.json");
  private final Schema odcs = load("odcs/schema/odcs-json-schema-v3.1.0.json");

  /** Loads both schemas; fails when the shared corpus is absent. */
  public StandardSchemas() {}

  /** The ODPS v1.0.0 schema errors of {@code document}, as text; empty when it is valid. */
  public List<String> odpsErrors(JsonNode document) {
    return errors(odps, document);
  }

  /** The ODCS v3.1.0 schema errors of {@code document}, as text; empty when it is valid. */
  public List<String> odcsErrors(JsonNode document) {
    return errors(odcs, document);
  }

  private static List<String> errors(Schema schema, JsonNode document) {
    return schema.validate(document).stream().map(Error::toString).toList();
  }

  private static Schema load(String relativePath) {
    try (InputStream in =
        Files.newInputStream(StandardFixtures.directory().resolve(relativePath))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
