package io.tessera.catalogserver.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {
  private final WebhookTargets strict = new WebhookTargets(config(false));
  private final WebhookTargets lenient = new WebhookTargets(config(true));

  @Test
  void shouldRefuseNonHttpUrls() {
    assertThat(strict.refusal("ftp://example.com/x")).hasValue("must be an http or https URL");
    assertThat(strict.refusal("file:///etc/passwd")).hasValue("must be an http or https URL");
    assertThat(strict.refusal("not a url")).hasValue("not a URL");
    assertThat(strict.refusal("http://user:pw@93.184.215.14/"))
        .hasValue("must not carry credentials");
  }

  @Test
  void shouldRefusePrivateAddressesUnlessAllowedAndLinkLocalAlways() {
    assertThat(strict.refusal("http://127.0.0.1:8080/hook"))
        .hasValue("resolves to a loopback address (127.0.0.1), which is refused");
    assertThat(strict.refusal("http://10.1.2.3/hook"))
        .hasValue("resolves to a private address (10.1.2.3), which is refused");
    assertThat(strict.refusal("http://[fd00::1]/hook")).isPresent();
    assertThat(lenient.refusal("http://127.0.0.1:8080/hook")).isEmpty();
    assertThat(lenient.refusal("http://10.1.2.3/hook")).isEmpty();
    assertThat(lenient.refusal("http://169.254.169.254/latest/meta-data"))
        .hasValue("resolves to a link-local address (169.254.169.254), which is refused");
    assertThat(lenient.refusal("http://0.0.0.0/")).isPresent();
  }

  @Test
  void shouldAcceptPublicAddresses() {
    assertThat(strict.refusal("https://93.184.215.14/hook")).isEmpty();
  }

  private static NotifyConfig config(boolean allowPrivate) {
    Duration s = Duration.ofSeconds(1);
    return new NotifyConfig(true, allowPrivate, s, s, s, 10, s, s, s, 100, s);
  }
}
