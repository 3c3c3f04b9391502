/**
 * Translators from published descriptor standards to our own {@code tessera/v1} documents.
 *
 * <p>{@link io.tessera.descriptors.standards.StandardDescriptors} recognises an Open Data Product
 * Standard (ODPS, {@code kind: DataProduct}), Open Data Contract Standard (ODCS, {@code kind:
 * DataContract}) or Data Contract Specification (DCS, {@code dataContractSpecification}) document
 * and rewrites it, as a Jackson tree, into a {@code tessera/v1} {@code kind: DataProduct} document
 * that the descriptor apply service validates and applies like any hand-written one. ODCS and DCS
 * servers with schema objects or models become OpenLineage dataset identities following the
 * OpenLineage naming conventions, so that contracted datasets match the datasets later observed in
 * lineage events. Input that cannot be translated raises {@link
 * io.tessera.descriptors.standards.StandardImportException} naming the offending field of the
 * source document.
 */
package io.tessera.descriptors.standards;
