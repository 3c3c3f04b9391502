package io.tessera.catalogserver.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitSyncConfigTest {

  private static GitSyncConfig config(String url, String password) {
    return new GitSyncConfig(
        url, "main", "/catalog/", "bob", password, Duration.ofMinutes(1), null, true, true);
  }

  @Test
  void shouldShowTheUrlWithoutUserOrPassword() {
    GitSyncConfig config = config("https://bob:hunter2@git.example.com/data/mesh.git", null);

    assertThat(config.safeUrl()).isEqualTo("https://git.example.com/data/mesh.git");
    assertThat(config.describe())
        .isEqualTo("https://git.example.com/data/mesh.git, branch main, path catalog");
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("bob");
  }

  @Test
  void shouldTakeThePasswordAndEveryUserInfoOutOfMessages() {
    GitSyncConfig config = config("https://bob:hunter2@git.example.com/x.git", "token-42");

    assertThat(
            config.redact(
                "https://bob:hunter2@git.example.com/x.git: not authorized;"
                    + " https://bob@git.example.com/x.git with token-42"))
        .isEqualTo(
            "https://git.example.com/x.git: not authorized; https://git.example.com/x.git with ***");
  }

  @Test
  void shouldBeOffWithoutAUrlAndIgnoreBlankDomains() {
    GitSyncConfig off =
        new GitSyncConfig(
            "", "main", null, null, null, Duration.ofMinutes(1), List.of(""), true, true);

    assertThat(off.enabled()).isFalse();
    assertThat(off.domains()).isEmpty();
    assertThat(off.path()).isEmpty();
  }
}
