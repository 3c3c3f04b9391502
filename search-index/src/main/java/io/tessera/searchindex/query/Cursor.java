package io.tessera.searchindex.query;

import io.tessera.searchindex.InvalidSearchRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Where a page of results ended: the index snapshot it was read from, and the (score, IRI) of its
 * last hit in the order results are sorted by (score descending, IRI ascending). Encoded as an
 * opaque URL-safe string.
 *
 * @param snapshot the version of the index snapshot the page was read from
 * @param fingerprint the {@link io.tessera.searchindex.SearchRequest#fingerprint()} of the search
 */
public record Cursor(long snapshot, float score, String iri, String fingerprint) {
  private static final String VERSION = "c1";
  private static final int MAX_ENCODED = 8192;

  /** The opaque form given to clients. */
  public String encode() {
    String raw =
        String.join(
            "|",
            VERSION,
            Long.toString(snapshot),
            Integer.toHexString(Float.floatToIntBits(score)),
            fingerprint,
            iri);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor a client sent back.
   *
   * @throws InvalidSearchRequestException if it is not one this index issued
   */
  public static Cursor decode(String encoded) {
    try {
      if (encoded.length() > MAX_ENCODED) {
        throw new IllegalArgumentException("too long");
      }
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 5);
      if (parts.length != 5 || !parts[0].equals(VERSION) || parts[4].isEmpty()) {
        throw new IllegalArgumentException("malformed");
      }
      float score = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16));
      if (Float.isNaN(score)) {
        throw new IllegalArgumentException("bad score");
      }
      return new Cursor(Long.parseLong(parts[1]), score, parts[4], parts[3]);
    } catch (IllegalArgumentException e) {
      throw new InvalidSearchRequestException("cursor is not one this server issued");
    }
  }

  /**
   * The position to continue after, in the form Lucene's searchAfter takes. The document number is
   * the last of the snapshot, so that a document with the very same score and IRI (the entity of
   * the last hit) is not returned again.
   */
  public FieldDoc after(int maxDoc) {
    return new FieldDoc(maxDoc - 1, score, new Object[] {score, new BytesRef(iri)});
  }
}
