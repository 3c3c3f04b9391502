package io.tessera.bench;

import java.util.List;

/**
 * What the generator wrote: counts to check a load against, and the files in load order.
 *
 * @param descriptorFiles product descriptor files relative to the mesh directory, in order
 * @param policyFile the policy descriptors (loaded only if the server accepts them)
 * @param eventsFile the OpenLineage run events, one JSON object per line
 */
public record MeshManifest(
    String size,
    long seed,
    int domains,
    int products,
    int physicalProducts,
    int plannedProducts,
    int datasets,
    int jobs,
    long events,
    long eventsWithColumnLineage,
    int policies,
    String domainFile,
    List<String> descriptorFiles,
    String policyFile,
    String eventsFile) {

  /** The file name of the manifest inside a mesh directory. */
  public static final String FILE = "manifest.json";
}
