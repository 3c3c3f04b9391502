package io.tessera.catalogserver.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The SMTP server e-mail notifications go through ({@code tessera.notify.smtp.*}); e-mail is off
 * unless a host is set.
 *
 * @param host the server ({@code TESSERA_NOTIFY_SMTP_HOST}); none: no e-mail
 * @param port its port
 * @param username the login, if the server wants one
 * @param password its password
 * @param from the sender address
 * @param starttls whether to require STARTTLS
 */
@ConfigurationProperties("tessera.notify.smtp")
public record SmtpConfig(
    @Nullable String host,
    @Bindable(defaultValue = "25") int port,
    @Nullable String username,
    @Nullable String password,
    @Bindable(defaultValue = "tessera@localhost") String from,
    @Bindable(defaultValue = "false") boolean starttls) {

  /** Whether e-mail can be sent. */
  public boolean enabled() {
    return host != null && !host.isBlank();
  }
}
