package io.tessera.searchindex;

/**
 * The state of the index.
 *
 * @param revision the graph revision whose changes are all searchable (-1 before the first commit)
 * @param documents how many Lucene documents are searchable
 * @param staleAtOpen whether the index on disk was behind (or ahead of) the graph when it was
 *     opened, so that it had to be rebuilt
 * @param rebuilds how many full rebuilds have completed since it was opened
 * @param rebuilding whether a rebuild is running
 * @param rebuildDone entities indexed so far by the running (or last) rebuild
 * @param rebuildTotal entities the running (or last) rebuild has to index
 * @param pending change batches waiting to be indexed
 */
public record IndexStatus(
    long revision,
    int documents,
    boolean staleAtOpen,
    int rebuilds,
    boolean rebuilding,
    long rebuildDone,
    long rebuildTotal,
    int pending) {}
