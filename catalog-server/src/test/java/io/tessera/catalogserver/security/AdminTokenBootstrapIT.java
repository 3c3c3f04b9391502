package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Without {@code TESSERA_ADMIN_TOKEN}, the first start generates an admin token, stores only its
 * hash and logs the secret once; that secret then works as an admin credential.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTokenBootstrapIT implements TestPropertyProvider {
  private static final Pattern SECRET = Pattern.compile("tsr_[A-Za-z0-9_-]{43}");

  @Inject EmbeddedServer server;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @Override
  public Map<String, String> getProperties() {
    Logger logger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    logged.start();
    logger.addAppender(logged);
    return TestServer.properties("tessera-bootstrap-it", "tessera.security.admin-token", "");
  }

  @Test
  void shouldGenerateAnAdminTokenOnTheFirstStartAndLogItOnce() {
    List<ILoggingEvent> mentions =
        logged.list.stream().filter(e -> SECRET.matcher(e.getFormattedMessage()).find()).toList();
    assertThat(mentions).hasSize(1);
    assertThat(mentions.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(mentions.get(0).getLoggerName()).isEqualTo(TokenService.class.getName());
    Matcher m = SECRET.matcher(mentions.get(0).getFormattedMessage());
    assertThat(m.find()).isTrue();
    String secret = m.group();

    SecurityHttp http = new SecurityHttp(server.getURI());
    assertThat(http.get("/api/v1/domains", secret).status()).isEqualTo(200);
    String tokens = http.get("/api/v1/tokens", secret).ok().toString();
    assertThat(tokens).contains("\"subject\":\"admin\"").doesNotContain(secret);
    assertThat(http.get("/api/v1/audit?action=token-create", secret).ok().toString())
        .contains("admin token generated");
    long after = logged.list.stream().filter(e -> e.getFormattedMessage().contains(secret)).count();
    assertThat(after).as("the secret is logged once, and not when it is used").isEqualTo(1);
  }
}
