/**
 * The composition root: one Micronaut factory per library module, turning configuration into the
 * plain-Java objects the libraries expose.
 */
package io.tessera.catalogserver.wiring;
