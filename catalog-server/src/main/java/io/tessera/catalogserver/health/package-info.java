/**
 * Observability of data products: service level objectives evaluated from lineage and the clock
 * ({@link io.tessera.catalogserver.health.SloEvaluator}), product health per port and per product
 * with its history, schema changes with who they affect, and incidents opened and resolved
 * automatically or by hand. Every incident transition and health change is appended to the change
 * feed in the same database transaction.
 */
package io.tessera.catalogserver.health;
