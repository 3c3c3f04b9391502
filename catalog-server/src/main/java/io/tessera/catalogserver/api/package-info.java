/**
 * The REST API: descriptors, domains and products (JSON, Turtle, JSON-LD), revision history,
 * lineage, search, the SPARQL endpoint and the RDF export, and the views they are shown as.
 */
package io.tessera.catalogserver.api;
