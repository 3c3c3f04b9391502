package io.tessera.catalogserver.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What the DCAT-AP export ({@code GET /api/v1/export?profile=dcat-ap}) says of the catalog itself
 * ({@code tessera.export.dcat-ap.*}): its title, description and publisher's name.
 */
@ConfigurationProperties("tessera.export.dcat-ap")
public record DcatApConfig(
    @Bindable(defaultValue = "Tessera data product catalog") String title,
    @Bindable(
            defaultValue =
                "The data products of the organisation's data mesh: what each domain offers, who"
                    + " owns it and how to reach it.")
        String description,
    @Bindable(defaultValue = "Tessera") String publisher) {}
