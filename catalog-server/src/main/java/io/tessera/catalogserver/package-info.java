/**
 * The Tessera catalog server: a Micronaut application that wires the library modules and exposes
 * them over REST, with its configuration in {@link io.tessera.catalogserver.TesseraConfig}.
 */
package io.tessera.catalogserver;
