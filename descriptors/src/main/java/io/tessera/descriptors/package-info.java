/**
 * Declarative descriptors: parsing YAML/JSON requests, validating {@code tessera/v1} documents
 * field by field, translating published standards (ODPS, ODCS), and applying requests atomically
 * with a revision history.
 */
package io.tessera.descriptors;
