/**
 * Descriptor revisions in the relational database: who applied what, when, with which content hash
 * and which changes, per domain and product.
 */
package io.tessera.catalogserver.revision;
