/**
 * Declarative descriptors: parsing YAML/JSON requests, validating {@code tessera/v1} documents
 * field by field into the records graph-store and governance write, translating published standards
 * (ODPS, ODCS), the canonical JSON descriptors are hashed in and the difference between two
 * revisions. Applying a request (references, authorization, graph writes and revisions) is the
 * server's use case.
 */
package io.tessera.descriptors;
