package io.tessera.catalogserver;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON log format ({@code TESSERA_LOG_FORMAT=json}, see {@code logback.xml}): one JSON object
 * per line with {@code timestamp} (ISO-8601 in UTC, e.g. {@code 2026-12-07T15:04:05.123Z}), {@code
 * level}, {@code logger}, {@code thread}, {@code message} (arguments filled in), {@code exception}
 * (the stack trace, when there is one) and {@code mdc} (when not empty). Written with Jackson's
 * streaming generator, so every string is escaped and a stack trace stays on its line. Logback's
 * own {@code JsonEncoder} writes the time as epoch milliseconds and the message's arguments apart,
 * which log collectors have to be taught; this shape needs no teaching.
 */
public class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NONE = new byte[0];
  private final JsonFactory json = new JsonFactory();

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator line = json.createGenerator(out)) {
      line.writeStartObject();
      line.writeStringField("timestamp", event.getInstant().toString());
      line.writeStringField("level", event.getLevel().toString());
      line.writeStringField("logger", event.getLoggerName());
      line.writeStringField("thread", event.getThreadName());
      line.writeStringField("message", event.getFormattedMessage());
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        line.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
      }
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null && !mdc.isEmpty()) {
        line.writeObjectFieldStart("mdc");
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
          line.writeStringField(entry.getKey(), entry.getValue());
        }
        line.writeEndObject();
      }
      line.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }
}
