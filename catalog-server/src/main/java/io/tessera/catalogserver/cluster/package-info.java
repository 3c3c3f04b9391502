/**
 * Several nodes on one PostgreSQL: {@link io.tessera.catalogserver.cluster.Leadership} elects the
 * node that runs the singleton background work (a PostgreSQL advisory lock held on a connection of
 * its own; on H2 the only node leads), and {@link io.tessera.catalogserver.cluster.ClusterConfig}
 * names the node ({@code tessera.cluster.*}). Jobs that maintain the node's own stores (graph
 * compaction, the search index) run on every node.
 */
package io.tessera.catalogserver.cluster;
