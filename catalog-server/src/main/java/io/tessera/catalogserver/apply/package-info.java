/**
 * The descriptor write use case: parse and validate with the descriptors module, check references
 * and authorization, write every graph in one transaction and record one revision per changed
 * document.
 */
package io.tessera.catalogserver.apply;
