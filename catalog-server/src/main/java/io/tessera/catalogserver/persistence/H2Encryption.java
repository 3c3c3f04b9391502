package io.tessera.catalogserver.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the embedded H2 database at rest when {@code tessera.db.encryption-key} ({@code
 * TESSERA_DB_ENCRYPTION_KEY}) is set: the file URL gets H2's {@code CIPHER=AES} and the password
 * becomes {@code "<file key> <user password>"}, as H2 expects. Set it from the first start: H2 does
 * not encrypt an existing plain database (its {@code ChangeFileEncryption} tool does). PostgreSQL
 * and in-memory databases are left as they are; encrypt those with the database's or the volume's
 * own means.
 */
@Singleton
public class H2Encryption implements BeanCreatedEventListener<DatasourceConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(H2Encryption.class);

  private final String key;

  public H2Encryption(@Value("${tessera.db.encryption-key:}") String key) {
    if (key != null && !key.isEmpty() && (key.isBlank() || key.chars().anyMatch(c -> c == ' '))) {
      throw new IllegalArgumentException(
          "tessera.db.encryption-key (TESSERA_DB_ENCRYPTION_KEY) must not contain spaces");
    }
    this.key = key == null ? "" : key;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration config = event.getBean();
    String url = config.getJdbcUrl() != null ? config.getJdbcUrl() : config.getUrl();
    if (key.isEmpty() || url == null || !url.startsWith("jdbc:h2:file:")) {
      return config;
    }
    if (!url.toUpperCase(java.util.Locale.ROOT).contains(";CIPHER=")) {
      url = url + ";CIPHER=AES";
    }
    String password = config.getPassword() == null ? "" : config.getPassword();
    config.setUrl(url);
    config.setJdbcUrl(url);
    config.setPassword(key + " " + password);
    LOG.info("the H2 database is encrypted at rest (AES)");
    return config;
  }
}
