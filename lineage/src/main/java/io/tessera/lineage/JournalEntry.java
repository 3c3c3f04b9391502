package io.tessera.lineage;

/**
 * One accepted event at its position in the event journal.
 *
 * @param position the journal's increasing id
 */
public record JournalEntry(long position, LineageEvent event) {}
