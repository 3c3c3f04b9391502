package io.tessera.catalogserver.notify;

import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may point at: http or https, with a host that resolves only to public
 * addresses (no loopback, link-local such as a cloud's metadata service, private, unique-local,
 * wildcard or multicast address). {@code tessera.notify.allow-private-targets} lets loopback,
 * private and unique-local addresses through (a receiver on the same host or network, tests);
 * link-local (a cloud's metadata service), wildcard and multicast addresses are always refused.
 * Checked when a subscription is made and again before each attempt (a name may resolve elsewhere
 * later).
 */
@Singleton
public class WebhookTargets {
  private final boolean allowPrivate;

  public WebhookTargets(NotifyConfig config) {
    this.allowPrivate = config.allowPrivateTargets();
  }

  /** Why the URL may not be a webhook, or empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("must not carry credentials");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("the host " + uri.getHost() + " does not resolve");
    }
    for (InetAddress a : addresses) {
      String kind = kind(a);
      boolean alwaysRefused =
          a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress();
      if (kind != null && (alwaysRefused || !allowPrivate)) {
        return Optional.of(
            "resolves to a " + kind + " address (" + a.getHostAddress() + "), which is refused");
      }
    }
    return Optional.empty();
  }

  private static String kind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isAnyLocalAddress()) {
      return "wildcard";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "unique-local";
    }
    if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
      return "shared (carrier-grade NAT)";
    }
    return null;
  }
}
