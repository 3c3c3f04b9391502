/**
 * The benchmark harness: a seeded generator of synthetic data meshes ({@link
 * io.tessera.bench.MeshGenerator}: descriptors and an OpenLineage stream on disk) and {@link
 * io.tessera.bench.BenchRun}, which starts the packaged catalog server, loads a mesh over HTTP and
 * reports each figure next to a floor measured in the same run (an HTTP no-op server, raw Lucene on
 * the server's index, raw Jena on its TDB2 database). Plain Java: it talks to the server only over
 * loopback HTTP.
 */
package io.tessera.bench;
