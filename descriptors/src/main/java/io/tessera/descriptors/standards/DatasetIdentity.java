package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An OpenLineage dataset identity: the data source ({@code postgres://db:5432}) and the path inside
 * it ({@code shop.public.orders}).
 *
 * @param namespace the OpenLineage dataset namespace
 * @param name the OpenLineage dataset name
 */
record DatasetIdentity(String namespace, String name) {

  DatasetIdentity {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** Returns the identity as a descriptor {@code dataset} object. */
  ObjectNode toNode() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("namespace", namespace);
    node.put("name", name);
    return node;
  }
}
