package io.tessera.descriptors;

/**
 * A field of a submitted document that is wrong, and what to do about it.
 *
 * @param field the path of the field, e.g. {@code documents[0].spec.outputPorts[0].dataset.name}
 * @param message what is wrong, in words a domain team can act on
 */
public record FieldError(String field, String message) {}
