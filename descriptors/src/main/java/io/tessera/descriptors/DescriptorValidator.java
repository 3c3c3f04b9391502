package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortAccess;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.Slo;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one {@code tessera/v1} document field by field and turns it into a record. Every error
 * names the field ({@code documents[1].spec.outputPorts[0].dataset.name: required}); all errors of
 * a document are reported together.
 */
public class DescriptorValidator {
  /** The descriptor API version this server reads. */
  public static final String API_VERSION = "tessera/v1";

  private static final Set<String> ROOT = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> DOMAIN_META = Set.of("name");
  private static final Set<String> PRODUCT_META = Set.of("name", "domain");
  private static final Set<String> DOMAIN_SPEC = Set.of("title", "description", "owner", "parent");
  private static final Set<String> PRODUCT_SPEC =
      Set.of(
          "title",
          "description",
          "purpose",
          "owner",
          "lifecycle",
          "classification",
          "tags",
          "outputPorts",
          "inputPorts",
          "groups",
          "identifier",
          "source");
  private static final Set<String> PORT =
      Set.of("name", "type", "description", "dataset", "contract", "schema", "slo", "access");
  private static final Set<String> DATASET = Set.of("namespace", "name");
  private static final Pattern LINEAGE_NAMESPACE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S*");
  private static final Set<String> SCHEMELESS_NAMESPACES = Set.of("bigquery", "pubsub", "file");
  private static final Set<String> FIELD =
      Set.of("name", "type", "required", "description", "classification");
  private static final Set<Lifecycle> SERVED =
      Set.of(Lifecycle.BUILD, Lifecycle.DEPLOY, Lifecycle.CONSUME);

  /**
   * Validates one document.
   *
   * @param errors receives the errors; the result is null when there were any
   */
  public ValidatedDocument validate(int index, JsonNode document, List<FieldError> errors) {
    FieldChecks e = new FieldChecks("documents[" + index + "]", errors);
    int before = errors.size();
    if (!document.isObject()) {
      e.add("", "must be a mapping with apiVersion, kind, metadata and spec");
      return null;
    }
    ObjectNode doc = (ObjectNode) document;
    e.unknown(doc, "", ROOT);
    String apiVersion = e.text(doc, "apiVersion", true);
    if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
      e.add(
          "apiVersion",
          "unsupported '"
              + apiVersion
              + "'; expected "
              + API_VERSION
              + " (or an ODPS/ODCS/DCS document)");
    }
    String kind = e.text(doc, "kind", true);
    JsonNode metadata = e.object(doc, "metadata", true);
    JsonNode spec = e.object(doc, "spec", true);
    ValidatedDocument result = null;
    if ("Domain".equals(kind)) {
      Domain domain = domain(metadata, spec, e);
      result = domain == null ? null : new ValidatedDocument.DomainDocument(index, doc, domain);
    } else if ("DataProduct".equals(kind)) {
      Product product = product(metadata, spec, e);
      result = product == null ? null : new ValidatedDocument.ProductDocument(index, doc, product);
    } else if ("Policy".equals(kind)) {
      var policy = PolicyFields.policy(metadata, spec, e);
      result = policy == null ? null : new ValidatedDocument.PolicyDocument(index, doc, policy);
    } else if (kind != null) {
      e.add("kind", "unknown kind '" + kind + "'; expected Domain, DataProduct or Policy");
    }
    return errors.size() > before ? null : result;
  }

  private Domain domain(JsonNode metadata, JsonNode spec, FieldChecks e) {
    if (metadata == null || spec == null) {
      return null;
    }
    e.unknown(metadata, "metadata", DOMAIN_META);
    e.unknown(spec, "spec", DOMAIN_SPEC);
    String name = e.slug(metadata, "metadata", "name", true);
    String title = e.text(spec, "spec.title", false);
    String owner = e.iri(spec, "spec", "owner");
    String parent = e.slug(spec, "spec", "parent", false);
    if (parent != null && parent.equals(name)) {
      e.add("spec.parent", "a domain cannot be its own parent");
    }
    return new Domain(
        name,
        title == null ? name : title,
        e.text(spec, "spec.description", false),
        owner,
        parent,
        0);
  }

  private Product product(JsonNode metadata, JsonNode spec, FieldChecks e) {
    if (metadata == null || spec == null) {
      return null;
    }
    e.unknown(metadata, "metadata", PRODUCT_META);
    e.unknown(spec, "spec", PRODUCT_SPEC);
    String domain = e.slug(metadata, "metadata", "domain", true);
    String name = e.slug(metadata, "metadata", "name", true);
    String title = e.text(spec, "spec.title", false);
    String owner = e.iri(spec, "spec", "owner");
    String lifecycleText = e.text(spec, "spec.lifecycle", false);
    Lifecycle lifecycle = Lifecycle.DESIGN;
    if (lifecycleText != null) {
      lifecycle = Lifecycle.fromSlug(lifecycleText.toLowerCase(Locale.ROOT)).orElse(null);
      if (lifecycle == null) {
        e.add(
            "spec.lifecycle",
            "unknown '" + lifecycleText + "'; expected one of " + slugs(Lifecycle.values()));
      }
    }
    List<String> classification = e.slugList(spec, "spec", "classification");
    List<String> tags = e.textList(spec, "spec", "tags");
    List<Port> outputs = ports(spec, "outputPorts", true, e);
    List<Port> inputs = ports(spec, "inputPorts", false, e);
    List<DatasetRef> groups = new ArrayList<>();
    JsonNode groupList = e.list(spec, "spec", "groups");
    for (int i = 0; i < groupList.size(); i++) {
      DatasetRef ref = dataset(groupList.get(i), "spec.groups[" + i + "]", e);
      if (ref != null) {
        groups.add(ref);
      }
    }
    if (lifecycle != null && SERVED.contains(lifecycle) && spec.path("outputPorts").isEmpty()) {
      e.add(
          "spec.outputPorts",
          "a product in " + lifecycle.slug() + " must promise at least one output port");
    }
    if (lifecycle == null || name == null || domain == null || owner == null) {
      return null;
    }
    return new Product(
        domain,
        name,
        title == null ? name : title,
        e.text(spec, "spec.description", false),
        e.text(spec, "spec.purpose", false),
        owner,
        lifecycle,
        classification,
        tags,
        outputs,
        inputs,
        groups,
        e.text(spec, "spec.identifier", false),
        spec.hasNonNull("source") ? e.text(spec, "spec.source", false) : API_VERSION,
        0,
        null);
  }

  private List<Port> ports(JsonNode spec, String key, boolean output, FieldChecks e) {
    JsonNode list = e.list(spec, "spec", key);
    List<Port> ports = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "spec." + key + "[" + i + "]";
      JsonNode port = list.get(i);
      if (!port.isObject()) {
        e.add(path, "must be a mapping");
        continue;
      }
      e.unknown(port, path, PORT);
      DatasetRef dataset =
          port.has("dataset") ? dataset(port.get("dataset"), path + ".dataset", e) : null;
      String contract = e.text(port, path + ".contract", false);
      String name = e.slug(port, path, "name", output);
      if (name == null && !output && !port.hasNonNull("name")) {
        name = derivedName(dataset, contract, i);
      }
      if (name != null && !names.add(name)) {
        e.add(path + ".name", "duplicate port name '" + name + "'");
      }
      if (output && !port.has("dataset") && contract == null) {
        e.add(
            path + ".dataset",
            "required (the OpenLineage namespace and name this port will serve), unless a contract is given");
      }
      if (!output && !port.has("dataset") && contract == null) {
        e.add(
            path + ".dataset",
            "required (the dataset this product reads), unless a contract is given");
      }
      String typeText = e.text(port, path + ".type", false);
      PortType type = PortType.TABLE;
      if (typeText != null) {
        type = PortType.fromSlug(typeText.toLowerCase(Locale.ROOT)).orElse(null);
        if (type == null) {
          e.add(
              path + ".type",
              "unknown '" + typeText + "'; expected one of " + slugs(PortType.values()));
        }
      }
      List<FieldDef> schema = schema(port, path, e);
      Slo slo = null;
      PortAccess access = null;
      if (output) {
        slo = SloFields.slo(port, path, e);
        access = AccessFields.access(port, path, e);
      } else {
        if (port.has("slo")) {
          e.add(path + ".slo", "only output ports declare service level objectives");
        }
        if (port.has("access")) {
          e.add(path + ".access", "only output ports declare how consumers reach them");
        }
      }
      if (name != null && type != null) {
        ports.add(
            new Port(
                name,
                type,
                e.text(port, path + ".description", false),
                dataset,
                contract,
                schema,
                null,
                slo,
                access));
      }
    }
    return ports;
  }

  private static String derivedName(DatasetRef dataset, String contract, int index) {
    String basis = dataset != null ? dataset.name() : contract != null ? contract : "input";
    String slug =
        basis.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "input-" + index;
    }
    return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
  }

  private List<FieldDef> schema(JsonNode port, String path, FieldChecks e) {
    JsonNode list = e.list(port, path, "schema");
    List<FieldDef> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".schema[" + i + "]";
      JsonNode field = list.get(i);
      if (!field.isObject()) {
        e.add(at, "must be a mapping with at least a name");
        continue;
      }
      e.unknown(field, at, FIELD);
      String name = e.text(field, at + ".name", true);
      if (name != null && !names.add(name)) {
        e.add(at + ".name", "duplicate column '" + name + "'");
      }
      JsonNode required = field.path("required");
      if (!required.isMissingNode() && !required.isNull() && !required.isBoolean()) {
        e.add(at + ".required", "must be true or false");
      }
      List<String> classification =
          field.path("classification").isTextual()
              ? e.slugText(field.get("classification"), at + ".classification")
              : e.slugList(field, at, "classification");
      if (name != null) {
        fields.add(
            new FieldDef(
                name,
                e.text(field, at + ".type", false),
                required.asBoolean(false),
                e.text(field, at + ".description", false),
                classification));
      }
    }
    return fields;
  }

  private DatasetRef dataset(JsonNode node, String path, FieldChecks e) {
    if (!node.isObject()) {
      e.add(path, "must be a mapping with namespace and name");
      return null;
    }
    e.unknown(node, path, DATASET);
    String namespace = e.text(node, path + ".namespace", true);
    String name = e.text(node, path + ".name", true);
    if (namespace != null && !isLineageNamespace(namespace)) {
      e.add(
          path + ".namespace",
          "'"
              + namespace
              + "' cannot match what pipelines report: a dataset namespace names its data source"
              + " the way OpenLineage does, with a scheme, e.g. postgres://warehouse:5432,"
              + " kafka://broker:9092, s3://bucket or bigquery");
      return null;
    }
    return namespace == null || name == null ? null : new DatasetRef(namespace, name);
  }

  /**
   * Whether a namespace can be one OpenLineage producers report: {@code scheme://authority}, a
   * {@code scheme:} form such as an AWS Glue ARN, or one of the namespaces the naming conventions
   * define without a scheme ({@code bigquery}, {@code pubsub}, {@code file}); never with spaces.
   */
  static boolean isLineageNamespace(String namespace) {
    return LINEAGE_NAMESPACE.matcher(namespace).matches()
        || SCHEMELESS_NAMESPACES.contains(namespace);
  }

  private static String slugs(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
