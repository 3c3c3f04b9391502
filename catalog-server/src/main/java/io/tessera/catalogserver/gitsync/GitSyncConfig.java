package io.tessera.catalogserver.gitsync;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings of the Git sync ({@code tessera.git.*}); off unless {@code url} is set.
 *
 * @param url the repository to follow ({@code https://…}, {@code ssh://…} or {@code file://…})
 * @param branch the branch to follow
 * @param path the directory of the repository whose {@code *.yaml}, {@code *.yml} and {@code
 *     *.json} files are the descriptors (empty: the whole repository)
 * @param username the user name sent with {@code password} ({@code git} when only a token is set)
 * @param password a password or access token; from configuration or the environment only, never
 *     logged nor shown
 * @param interval how often the branch is fetched
 * @param domains the domains the repository manages (empty: the domains its documents declare)
 * @param exclusive whether other channels (REST, GraphQL, MCP, the UI, the CLI) are refused writes
 *     to the managed domains
 * @param prune whether products of managed domains that are no longer in the repository are deleted
 */
@ConfigurationProperties("tessera.git")
public record GitSyncConfig(
    @Nullable String url,
    @Bindable(defaultValue = "main") String branch,
    @Nullable String path,
    @Nullable String username,
    @Nullable String password,
    @Bindable(defaultValue = "PT1M") Duration interval,
    @Nullable List<String> domains,
    @Bindable(defaultValue = "true") boolean exclusive,
    @Bindable(defaultValue = "true") boolean prune) {

  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");
  private static final Pattern ANY_USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@");

  public GitSyncConfig {
    path = path == null ? "" : path.strip().replaceAll("^/+|/+$", "");
    domains = domains == null ? List.of() : domains.stream().filter(d -> !d.isBlank()).toList();
  }

  /** Whether a repository is configured. */
  public boolean enabled() {
    return url != null && !url.isBlank();
  }

  /** The repository's URL without any user name or password in it, as status and errors show it. */
  public String safeUrl() {
    return url == null ? null : USER_INFO.matcher(url.strip()).replaceFirst("$1");
  }

  /** Where the repository is managed, as messages name it: URL, branch and path. */
  public String describe() {
    return safeUrl() + ", branch " + branch + (path.isEmpty() ? "" : ", path " + path);
  }

  /**
   * A text with this configuration's secrets taken out: the password, and the user info of any URL
   * in it (JGit's messages name the URL with the user).
   */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (url != null && !url.isBlank() && !url.strip().equals(safeUrl())) {
      out = out.replace(url.strip(), safeUrl());
    }
    if (password != null && !password.isEmpty()) {
      out = out.replace(password, "***");
    }
    return ANY_USER_INFO.matcher(out).replaceAll("$1");
  }

  @Override
  public String toString() {
    return "GitSyncConfig[url="
        + safeUrl()
        + ", branch="
        + branch
        + ", path="
        + path
        + ", interval="
        + interval
        + ", domains="
        + domains
        + ", exclusive="
        + exclusive
        + ", prune="
        + prune
        + "]";
  }
}
