package io.tessera.catalogserver;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Tessera's settings ({@code tessera.*} in application.yml).
 *
 * @param dataDir where {@code graph/}, {@code index/} and {@code db/} live ({@code
 *     TESSERA_DATA_DIR})
 * @param baseIri the base of every instance IRI ({@code TESSERA_BASE_IRI})
 * @param queryTimeout how long a SPARQL query may run
 * @param demo load the demo catalog into an empty data directory ({@code TESSERA_DEMO})
 * @param maxDescriptorDocuments how many documents one descriptor request may carry
 */
@ConfigurationProperties("tessera")
public record TesseraConfig(
    Path dataDir,
    String baseIri,
    Duration queryTimeout,
    boolean demo,
    int maxDescriptorDocuments) {}
