/**
 * What a Lucene document of the index is: every field name ({@link
 * io.tessera.searchindex.document.IndexFields}), the analysis chains, the entries built from graph
 * records ({@link io.tessera.searchindex.document.EntryFactory}) and their mapping to and from
 * documents ({@link io.tessera.searchindex.document.DocumentMapper}). Internal to the module.
 */
package io.tessera.searchindex.document;
