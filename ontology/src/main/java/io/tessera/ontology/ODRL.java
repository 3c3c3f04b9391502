package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Constants for the W3C ODRL 2.2 terms Tessera uses, namespace {@value #NS}. */
public final class ODRL {
  /** The ODRL namespace. */
  public static final String NS = "http://www.w3.org/ns/odrl/2/";

  public static final Resource Policy = resource("Policy");
  public static final Resource Set = resource("Set");
  public static final Resource Permission = resource("Permission");
  public static final Resource Prohibition = resource("Prohibition");

  public static final Property uid = property("uid");
  public static final Property permission = property("permission");
  public static final Property prohibition = property("prohibition");
  public static final Property action = property("action");
  public static final Property target = property("target");
  public static final Property hasPolicy = property("hasPolicy");
  public static final Property constraint = property("constraint");
  public static final Property leftOperand = property("leftOperand");
  public static final Property operator = property("operator");
  public static final Property rightOperand = property("rightOperand");

  public static final Resource Constraint = resource("Constraint");
  public static final Resource isAnyOf = resource("isAnyOf");
  public static final Resource isNoneOf = resource("isNoneOf");
  public static final Resource read = resource("read");
  public static final Resource purpose = resource("purpose");
  public static final Resource spatial = resource("spatial");
  public static final Resource Agreement = resource("Agreement");
  public static final Property assigner = property("assigner");
  public static final Property assignee = property("assignee");
  public static final Resource dateTime = resource("dateTime");
  public static final Resource eq = resource("eq");
  public static final Resource lt = resource("lt");

  private ODRL() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
