/**
 * Lineage from pipelines: validated OpenLineage events ({@link io.tessera.lineage.EventParser}),
 * their projection into per-job, per-run and per-dataset named graphs ({@link
 * io.tessera.lineage.LineageProjector}) including schema change detection and the binding of
 * promised ports, Marquez-compatible traversal ({@link io.tessera.lineage.LineageQueries}) and the
 * declared-versus-observed reports ({@link io.tessera.lineage.ObservationReports}). The event
 * journal itself is relational and lives in the server; this module sees journal entries only.
 */
package io.tessera.lineage;
