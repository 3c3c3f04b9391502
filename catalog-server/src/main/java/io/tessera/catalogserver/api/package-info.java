/**
 * The REST API: descriptors, domains and products (JSON, Turtle, JSON-LD), revision history, and
 * the views they are shown as.
 */
package io.tessera.catalogserver.api;
