/**
 * The Tessera ontology: vocabulary constants for DPROD, PROV, ODRL and Tessera's own namespace, the
 * lifecycle statuses and port types, the SHACL shapes every write is validated against, and the
 * {@link io.tessera.ontology.IriMinter} that mints instance and named-graph IRIs from the
 * configured base. Jena's own vocabulary classes cover DCAT, Dublin Core, ORG and SKOS.
 */
package io.tessera.ontology;
