package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.governance.Operand;
import io.tessera.governance.Policy;
import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks the fields of a {@code kind: Policy} document and turns it into a {@link Policy}. */
final class PolicyFields {
  private static final Set<String> META = Set.of("name", "domain");
  private static final Set<String> SPEC =
      Set.of(
          "description", "targets", "permissions", "prohibitions", "toxicCombinations", "access");
  private static final Set<String> ACCESS = Set.of("approval", "maxDuration");
  private static final java.util.regex.Pattern DAYS =
      java.util.regex.Pattern.compile("^P(\\d{1,5})D$");
  private static final Set<String> TARGETS = Set.of("products", "domains", "classifications");
  private static final Set<String> RULE = Set.of("actions", "constraints");
  private static final Set<String> CONSTRAINT = Set.of("attribute", "operator", "values");
  private static final Set<String> TOXIC = Set.of("classifications", "result");
  private static final String OPERANDS =
      Arrays.stream(Operand.values()).map(Operand::slug).collect(Collectors.joining(", "));

  private PolicyFields() {}

  static Policy policy(JsonNode metadata, JsonNode spec, FieldChecks e) {
    if (metadata == null || spec == null) {
      return null;
    }
    e.unknown(metadata, "metadata", META);
    e.unknown(spec, "spec", SPEC);
    String name = e.slug(metadata, "metadata", "name", true);
    String domain = e.slug(metadata, "metadata", "domain", false);
    Policy.Targets targets = targets(spec, domain, e);
    List<Policy.Rule> rules = new ArrayList<>();
    rules(spec, "permissions", Policy.Effect.PERMIT, rules, e);
    rules(spec, "prohibitions", Policy.Effect.PROHIBIT, rules, e);
    List<Policy.ToxicCombination> toxic = toxic(spec, e);
    Policy.Access access = access(spec, e);
    if (rules.isEmpty() && toxic.isEmpty() && access == null) {
      e.add(
          "spec",
          "a policy needs at least one permission, prohibition, toxic combination or access rule");
    }
    if ((!rules.isEmpty() || access != null) && targets.isEmpty()) {
      e.add("spec.targets", "required: products, domains or classifications the rules apply to");
    }
    return new Policy(
        domain, name, e.text(spec, "spec.description", false), targets, rules, toxic, access);
  }

  // spec.access: {approval: automatic|owner|none, maxDuration: P<n>D}
  private static Policy.Access access(JsonNode spec, FieldChecks e) {
    JsonNode access = spec.path("access");
    if (access.isMissingNode() || access.isNull()) {
      return null;
    }
    if (!access.isObject()) {
      e.add("spec.access", "must be a mapping with approval and maxDuration");
      return null;
    }
    e.unknown(access, "spec.access", ACCESS);
    Policy.Approval approval = null;
    JsonNode mode = access.path("approval");
    if (!mode.isMissingNode() && !mode.isNull()) {
      String value = mode.isTextual() ? mode.asText().strip().toLowerCase(Locale.ROOT) : "";
      switch (value) {
        case "automatic" -> approval = Policy.Approval.AUTOMATIC;
        case "owner" -> approval = Policy.Approval.OWNER;
        case "none" -> approval = Policy.Approval.NONE;
        default -> e.add("spec.access.approval", "must be automatic, owner or none");
      }
    }
    Integer days = null;
    JsonNode max = access.path("maxDuration");
    if (!max.isMissingNode() && !max.isNull()) {
      java.util.regex.Matcher m = DAYS.matcher(max.isTextual() ? max.asText().strip() : "");
      if (m.matches() && Integer.parseInt(m.group(1)) >= 1) {
        days = Integer.parseInt(m.group(1));
      } else {
        e.add("spec.access.maxDuration", "must be a number of days as ISO-8601, e.g. P90D");
      }
    }
    return approval == null && days == null ? null : new Policy.Access(approval, days);
  }

  private static Policy.Targets targets(JsonNode spec, String domain, FieldChecks e) {
    JsonNode targets = spec.path("targets");
    if (targets.isMissingNode() || targets.isNull()) {
      return new Policy.Targets(Set.of(), Set.of(), Set.of());
    }
    if (!targets.isObject()) {
      e.add("spec.targets", "must be a mapping with products, domains or classifications");
      return new Policy.Targets(Set.of(), Set.of(), Set.of());
    }
    e.unknown(targets, "spec.targets", TARGETS);
    Set<String> products = new LinkedHashSet<>();
    JsonNode list = e.list(targets, "spec.targets", "products");
    for (int i = 0; i < list.size(); i++) {
      String at = "spec.targets.products[" + i + "]";
      String value = list.get(i).isTextual() ? list.get(i).asText().strip() : "";
      String[] parts = value.contains("/") ? value.split("/", 2) : new String[] {domain, value};
      if (parts[0] == null || !IriMinter.isSlug(parts[0]) || !IriMinter.isSlug(parts[1])) {
        e.add(
            at,
            "must be a product as domain/name" + (domain == null ? "" : " or a name in " + domain));
      } else if (domain != null && !domain.equals(parts[0])) {
        e.add(at, "a policy of domain " + domain + " can only target that domain's products");
      } else {
        products.add(parts[0] + "/" + parts[1]);
      }
    }
    List<String> domains = e.slugList(targets, "spec.targets", "domains");
    for (int i = 0; i < domains.size(); i++) {
      if (domain != null && !domain.equals(domains.get(i))) {
        e.add(
            "spec.targets.domains[" + i + "]",
            "a policy of domain " + domain + " can only target that domain");
      }
    }
    List<String> classifications = e.slugList(targets, "spec.targets", "classifications");
    return new Policy.Targets(products, Set.copyOf(domains), Set.copyOf(classifications));
  }

  private static void rules(
      JsonNode spec, String key, Policy.Effect effect, List<Policy.Rule> out, FieldChecks e) {
    JsonNode list = e.list(spec, "spec", key);
    for (int i = 0; i < list.size(); i++) {
      String at = "spec." + key + "[" + i + "]";
      JsonNode rule = list.get(i);
      if (!rule.isObject()) {
        e.add(at, "must be a mapping with actions and constraints");
        continue;
      }
      e.unknown(rule, at, RULE);
      Set<Policy.Action> actions = EnumSet.noneOf(Policy.Action.class);
      JsonNode names = e.list(rule, at, "actions");
      for (int j = 0; j < names.size(); j++) {
        String name = names.get(j).asText("").toLowerCase(Locale.ROOT);
        switch (name) {
          case "discover" -> actions.add(Policy.Action.DISCOVER);
          case "read" -> actions.add(Policy.Action.READ);
          default -> e.add(at + ".actions[" + j + "]", "must be discover or read");
        }
      }
      if (names.isEmpty()) {
        e.add(at + ".actions", "required: discover, read or both");
      }
      List<Policy.Constraint> constraints = new ArrayList<>();
      JsonNode cs = e.list(rule, at, "constraints");
      for (int j = 0; j < cs.size(); j++) {
        Policy.Constraint c = constraint(cs.get(j), at + ".constraints[" + j + "]", key, i, j, e);
        if (c != null) {
          constraints.add(c);
        }
      }
      out.add(new Policy.Rule(key + "[" + i + "]", effect, actions, constraints));
    }
  }

  private static Policy.Constraint constraint(
      JsonNode c, String at, String key, int rule, int index, FieldChecks e) {
    if (!c.isObject()) {
      e.add(at, "must be a mapping with attribute, operator and values");
      return null;
    }
    e.unknown(c, at, CONSTRAINT);
    String attribute = e.text(c, at + ".attribute", true);
    Operand operand = null;
    if (attribute != null) {
      operand = Operand.fromSlug(attribute).orElse(null);
      if (operand == null) {
        e.add(at + ".attribute", "'" + attribute + "' is not one of " + OPERANDS);
      }
    }
    String operator = c.path("operator").asText("isAnyOf");
    if (!operator.equals("isAnyOf") && !operator.equals("isNoneOf")) {
      e.add(at + ".operator", "must be isAnyOf or isNoneOf");
    }
    List<String> values = e.textList(c, at, "values");
    if (values.isEmpty()) {
      e.add(at + ".values", "required: at least one value");
    }
    return operand == null
        ? null
        : new Policy.Constraint(
            key + "[" + rule + "].constraints[" + index + "]",
            operand,
            !operator.equals("isNoneOf"),
            Set.copyOf(values));
  }

  private static List<Policy.ToxicCombination> toxic(JsonNode spec, FieldChecks e) {
    List<Policy.ToxicCombination> out = new ArrayList<>();
    JsonNode list = e.list(spec, "spec", "toxicCombinations");
    for (int i = 0; i < list.size(); i++) {
      String at = "spec.toxicCombinations[" + i + "]";
      JsonNode t = list.get(i);
      if (!t.isObject()) {
        e.add(at, "must be a mapping with classifications and result");
        continue;
      }
      e.unknown(t, at, TOXIC);
      List<String> classifications = e.slugList(t, at, "classifications");
      if (classifications.size() < 2) {
        e.add(at + ".classifications", "at least two classifications");
      }
      String result = e.slug(t, at, "result", true);
      if (result != null && classifications.size() >= 2) {
        out.add(new Policy.ToxicCombination(Set.copyOf(classifications), result));
      }
    }
    return out;
  }
}
