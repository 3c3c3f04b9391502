/**
 * The descriptor write use case, orchestrated by {@link
 * io.tessera.catalogserver.apply.ApplyService}: {@code RequestValidation} translates and validates
 * the documents with the descriptors module; in one graph read transaction the descriptors module's
 * {@code ReferenceCheck} checks references and its {@code DocumentAuthorization} the caller's
 * permission; {@code ApplyPlanner} plans one revision per changed document (canonical JSON, hash,
 * diff); the descriptors module's {@code DocumentWrites} writes every graph in one transaction, or
 * dry-runs it, inside {@code RevisionedWrites}, which records the revisions with it. {@code
 * Decommissioning} retires and deletes entities.
 */
package io.tessera.catalogserver.apply;
