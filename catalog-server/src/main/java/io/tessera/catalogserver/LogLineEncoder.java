package io.tessera.catalogserver;

import ch.qos.logback.classic.PatternLayout;
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
 * One log line per event on standard output, in the format {@code TESSERA_LOG_FORMAT} names (see
 * {@code logback.xml}): {@code text}, the default, is an ISO-8601 timestamp with its offset, level,
 * thread, logger and message; {@code json} is one JSON object per line with {@code timestamp}
 * (ISO-8601 in UTC, e.g. {@code 2026-12-07T15:04:05.123Z}), {@code level}, {@code logger}, {@code
 * thread}, {@code message} (arguments filled in), {@code exception} (the stack trace, when there is
 * one) and {@code mdc} (when not empty). Written with Jackson's streaming generator, so every
 * string is escaped and a stack trace stays on its line. Logback's own {@code JsonEncoder} writes
 * the time as epoch milliseconds and the message's arguments apart, which log collectors have to be
 * taught; this shape needs no teaching. Any other format is a mistake that must not silence the
 * server: it logs as text, and says so on its first line.
 */
public class LogLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NONE = new byte[0];
  private static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
  private final JsonFactory json = new JsonFactory();
  private String format = "text";
  private PatternLayout text;
  private volatile String unknownFormat;

  /** {@code text} or {@code json}; set from {@code logback.xml}. */
  public void setFormat(String format) {
    this.format = format == null ? "text" : format.strip().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void start() {
    if (!"json".equals(format)) {
      if (!"text".equals(format) && !format.isEmpty()) {
        unknownFormat = format;
      }
      text = new PatternLayout();
      text.setContext(getContext());
      text.setPattern(TEXT_PATTERN);
      text.start();
    }
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    if (text != null) {
      String line = text.doLayout(event);
      String unknown = unknownFormat;
      if (unknown != null) {
        unknownFormat = null;
        line =
            "TESSERA_LOG_FORMAT '"
                + unknown
                + "' is not text or json: logging as text"
                + System.lineSeparator()
                + line;
      }
      return line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
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
