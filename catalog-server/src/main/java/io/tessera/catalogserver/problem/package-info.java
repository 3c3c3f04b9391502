/**
 * RFC 7807 problem documents: the stable problem types, the exception handlers that produce them,
 * and the processor that gives the framework's own errors the same shape.
 */
package io.tessera.catalogserver.problem;
