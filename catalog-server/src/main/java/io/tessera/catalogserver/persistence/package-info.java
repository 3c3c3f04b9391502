/**
 * Every relational store of the server (JDBC over H2 or PostgreSQL, schema by Liquibase): the
 * OpenLineage event journal ({@link io.tessera.catalogserver.persistence.LineageJournal}, the
 * lineage module's {@link io.tessera.lineage.EventJournal}), descriptor revisions, API tokens, the
 * audit log and toxic-combination findings (the governance module's {@link
 * io.tessera.governance.FindingStore}).
 */
package io.tessera.catalogserver.persistence;
