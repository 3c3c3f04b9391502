package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.JsonDiff;
import jakarta.inject.Singleton;

/** Wires the descriptors module: the parser and the field-by-field validator. */
@Factory
@SerdeImport(JsonDiff.Change.class)
public class DescriptorsFactory {

  @Singleton
  DescriptorParser descriptorParser() {
    return new DescriptorParser();
  }

  @Singleton
  DescriptorValidator descriptorValidator() {
    return new DescriptorValidator();
  }
}
