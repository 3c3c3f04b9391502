package io.tessera.searchindex;

/**
 * One typeahead suggestion: an entity whose title or name starts with (or has words starting with)
 * what was typed.
 */
public record Suggestion(
    String iri, EntityType type, String title, String qualifiedName, String context) {}
