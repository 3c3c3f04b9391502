package io.tessera.graphstore;

/**
 * One SHACL violation: the node that failed, the property path it failed on (empty when the rule is
 * about the node as a whole) and the shape's message.
 */
public record Violation(String focusNode, String path, String message) {}
