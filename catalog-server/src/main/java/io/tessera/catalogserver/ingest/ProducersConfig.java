package io.tessera.catalogserver.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;

/**
 * How producers are scoped ({@code tessera.security.producers.*}).
 *
 * @param unowned {@code open} (default): any producer may write lineage for a dataset no product
 *     claims; {@code scoped}: only admins, platform-wide producers and producers scoped to the
 *     dataset's namespace may ({@code TESSERA_PRODUCERS_UNOWNED})
 */
@ConfigurationProperties("tessera.security.producers")
public record ProducersConfig(@Bindable(defaultValue = "open") String unowned) {

  public ProducersConfig {
    String mode =
        unowned == null || unowned.isBlank() ? "open" : unowned.strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("open") && !mode.equals("scoped")) {
      throw new IllegalArgumentException(
          "tessera.security.producers.unowned (TESSERA_PRODUCERS_UNOWNED) must be open or scoped,"
              + " not '"
              + unowned
              + "'");
    }
    unowned = mode;
  }

  /** Whether any producer may write datasets no product claims. */
  public boolean unownedOpen() {
    return unowned.equals("open");
  }
}
