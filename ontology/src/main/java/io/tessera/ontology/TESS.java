package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Constants for the Tessera vocabulary ({@code tessera.ttl}), namespace {@value #NS}. */
public final class TESS {
  /** The namespace of the Tessera vocabulary. */
  public static final String NS = "https://w3id.org/tessera/ns#";

  /** The preferred prefix. */
  public static final String PREFIX = "tess";

  public static final Resource Domain = resource("Domain");
  public static final Resource Schema = resource("Schema");
  public static final Resource Field = resource("Field");
  public static final Resource DataContract = resource("DataContract");
  public static final Resource PortType = resource("PortType");
  public static final Resource LifecycleStatusScheme = resource("LifecycleStatusScheme");
  public static final Resource PortTypeScheme = resource("PortTypeScheme");

  public static final Property domainOwner = property("domainOwner");
  public static final Property approvalMode = property("approvalMode");
  public static final Property maxAgreementDuration = property("maxAgreementDuration");
  public static final Property agreementState = property("agreementState");
  public static final Property agreementPort = property("agreementPort");
  public static final Property classification = property("classification");
  public static final Property groups = property("groups");
  public static final Property field = property("field");
  public static final Property dataType = property("dataType");
  public static final Property required = property("required");
  public static final Property ordinal = property("ordinal");
  public static final Property olNamespace = property("olNamespace");
  public static final Property olName = property("olName");
  public static final Property boundDataset = property("boundDataset");
  public static final Property boundAt = property("boundAt");
  public static final Property boundThrough = property("boundThrough");
  public static final Property symlinkType = property("symlinkType");
  public static final Property evidence = property("evidence");
  public static final Property physicalSince = property("physicalSince");
  public static final Property revision = property("revision");
  public static final Property sourceFormat = property("sourceFormat");
  public static final Property externalIdentifier = property("externalIdentifier");
  public static final Property host = property("host");
  public static final Property portNumber = property("portNumber");
  public static final Property database = property("database");
  public static final Property topic = property("topic");
  public static final Property path = property("path");

  public static final Resource ServiceLevelObjective = resource("ServiceLevelObjective");
  public static final Property slo = property("slo");
  public static final Property freshness = property("freshness");
  public static final Property minSuccessRate = property("minSuccessRate");
  public static final Property successRateWindow = property("successRateWindow");
  public static final Property minQualityPassing = property("minQualityPassing");
  public static final Property qualityWindow = property("qualityWindow");
  public static final Property schemaStability = property("schemaStability");
  public static final Property healthStatus = property("healthStatus");

  public static final Resource SchemaChange = resource("SchemaChange");
  public static final Resource Facet = resource("Facet");
  public static final Property reads = property("reads");
  public static final Property writes = property("writes");
  public static final Property job = property("job");
  public static final Property runState = property("runState");
  public static final Property errorMessage = property("errorMessage");
  public static final Property nominalStartTime = property("nominalStartTime");
  public static final Property facet = property("facet");
  public static final Property facetName = property("facetName");
  public static final Property facetValue = property("facetValue");
  public static final Property transformationType = property("transformationType");
  public static final Property transformationSubtype = property("transformationSubtype");
  public static final Property masking = property("masking");
  public static final Property changeKind = property("changeKind");
  public static final Property breaking = property("breaking");
  public static final Property fieldName = property("fieldName");
  public static final Property before = property("before");
  public static final Property after = property("after");
  public static final Property impacts = property("impacts");
  public static final Property schemaChange = property("schemaChange");
  public static final Property journalPosition = property("journalPosition");
  public static final Property lineageLayout = property("lineageLayout");

  public static final Resource discover = resource("discover");
  public static final Resource clearance = resource("clearance");
  public static final Resource principalRole = resource("principalRole");
  public static final Resource domainMembership = resource("domainMembership");
  public static final Resource productClassification = resource("productClassification");
  public static final Resource productTag = resource("productTag");
  public static final Resource productLifecycle = resource("productLifecycle");
  public static final Resource productDomain = resource("productDomain");
  public static final Resource ToxicCombination = resource("ToxicCombination");
  public static final Property policyDomain = property("policyDomain");
  public static final Property toxicCombination = property("toxicCombination");
  public static final Property combines = property("combines");
  public static final Property resultClassification = property("resultClassification");

  public static final Resource Ideation = resource("Ideation");
  public static final Resource Design = resource("Design");
  public static final Resource Build = resource("Build");
  public static final Resource Deploy = resource("Deploy");
  public static final Resource Consume = resource("Consume");
  public static final Resource Deprecated = resource("Deprecated");
  public static final Resource Retired = resource("Retired");

  public static final Resource Table = resource("Table");
  public static final Resource Topic = resource("Topic");
  public static final Resource Api = resource("Api");
  public static final Resource File = resource("File");

  private TESS() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
