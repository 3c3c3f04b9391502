package io.tessera.catalogserver.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How the journal stores an event's JSON: UTF-8, deflated (zlib format, with its checksum) in
 * {@code payload_deflated}. OpenLineage events repeat their keys, facet names and schema URLs, so a
 * few-KB event shrinks about fourfold. Rows stored before version 012 of the schema have the text
 * in {@code payload} until the migration deflates them ({@link DeflateJournalPayloads}); reads take
 * whichever column is set.
 */
final class JournalPayload {
  private JournalPayload() {}

  /** The stored form of an event's JSON. */
  static byte[] deflate(String json) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(utf8);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 3 + 64);
      byte[] buffer = new byte[Math.min(65_536, utf8.length + 64)];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The event's JSON from its stored form. */
  static String inflate(byte[] deflated) throws SQLException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
      byte[] buffer = new byte[16_384];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new SQLException("a journal payload is truncated");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new SQLException("a journal payload is corrupt", e);
    } finally {
      inflater.end();
    }
  }

  /** The JSON of the current row, from the deflated column or else the text column. */
  static String read(ResultSet rs, int textColumn, int deflatedColumn) throws SQLException {
    byte[] deflated = rs.getBytes(deflatedColumn);
    return deflated != null ? inflate(deflated) : rs.getString(textColumn);
  }
}
