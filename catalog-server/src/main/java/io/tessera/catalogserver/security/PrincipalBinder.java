package io.tessera.catalogserver.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller method declare a {@link Principal} parameter to receive the caller. */
@Singleton
public class PrincipalBinder implements TypedRequestArgumentBinder<Principal> {
  @Override
  public Argument<Principal> argumentType() {
    return Argument.of(Principal.class);
  }

  @Override
  public BindingResult<Principal> bind(
      ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
    Principal principal = AccessScopes.principalOf(source);
    return () -> Optional.of(principal);
  }
}
