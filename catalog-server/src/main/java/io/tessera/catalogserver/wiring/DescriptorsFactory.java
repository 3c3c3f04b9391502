package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.JsonDiff;
import io.tessera.descriptors.ParseLimits;
import jakarta.inject.Singleton;

/** Wires the descriptors module: the parser and the field-by-field validator. */
@Factory
@SerdeImport(JsonDiff.Change.class)
public class DescriptorsFactory {

  /** The parser, with the limits of {@code tessera.limits.descriptors-*}. */
  @Singleton
  DescriptorParser descriptorParser(LimitsConfig limits) {
    return new DescriptorParser(
        new ParseLimits(
            (int) Math.min(Integer.MAX_VALUE, limits.descriptorsMaxBody()),
            limits.descriptorsMaxDepth(),
            limits.descriptorsMaxAliases(),
            limits.descriptorsTimeout()));
  }

  @Singleton
  DescriptorValidator descriptorValidator() {
    return new DescriptorValidator();
  }
}
