/**
 * Declarative descriptors: parsing YAML/JSON requests, validating {@code tessera/v1} documents
 * field by field into the records graph-store and governance write, translating published standards
 * (ODPS, ODCS), the canonical JSON descriptors are hashed in and the difference between two
 * revisions; for a request's validated documents, the references they make to the catalog ({@code
 * ReferenceCheck}), who may write them ({@code DocumentAuthorization}) and their graph writes
 * ({@code DocumentWrites}). Orchestrating an apply (planning and recording revisions) is the
 * server's use case.
 */
package io.tessera.descriptors;
