package io.tessera.catalogserver.notify;

import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends e-mail notifications over SMTP with Eclipse Angus Mail (Jakarta Mail), configured by {@code
 * tessera.notify.smtp.*}; {@link #enabled()} is false when no host is set. The message id is
 * derived from the delivery, so a retried message carries the same {@code Message-ID}.
 */
@Singleton
public class MailSender {
  private final SmtpConfig config;
  private final Session session;

  public MailSender(SmtpConfig config, NotifyConfig notify) {
    this.config = config;
    if (!config.enabled()) {
      this.session = null;
      return;
    }
    Properties p = new Properties();
    p.put("mail.smtp.host", config.host());
    p.put("mail.smtp.port", Integer.toString(config.port()));
    String millis = Long.toString(notify.timeout().toMillis());
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    if (config.starttls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    Authenticator auth = null;
    if (config.username() != null && !config.username().isBlank()) {
      p.put("mail.smtp.auth", "true");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(
                  config.username(), config.password() == null ? "" : config.password());
            }
          };
    }
    this.session = Session.getInstance(p, auth);
  }

  /** Whether an SMTP host is configured. */
  public boolean enabled() {
    return session != null;
  }

  /** Sends one message; throws when the server refuses it or cannot be reached. */
  public void send(String to, String subject, String text, String messageId)
      throws MessagingException {
    if (session == null) {
      throw new MessagingException("no SMTP host is configured (tessera.notify.smtp.host)");
    }
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + "@tessera>");
          }
        };
    message.setFrom(new InternetAddress(config.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    Transport.send(message);
  }
}
