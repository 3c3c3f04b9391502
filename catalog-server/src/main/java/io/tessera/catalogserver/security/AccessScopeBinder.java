package io.tessera.catalogserver.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.tessera.governance.AccessScope;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller method declare an {@link AccessScope} parameter to receive the caller's. */
@Singleton
public class AccessScopeBinder implements TypedRequestArgumentBinder<AccessScope> {
  private final AccessScopes scopes;

  public AccessScopeBinder(AccessScopes scopes) {
    this.scopes = scopes;
  }

  @Override
  public Argument<AccessScope> argumentType() {
    return Argument.of(AccessScope.class);
  }

  @Override
  public BindingResult<AccessScope> bind(
      ArgumentConversionContext<AccessScope> context, HttpRequest<?> source) {
    AccessScope scope = scopes.of(source);
    return () -> Optional.of(scope);
  }
}
