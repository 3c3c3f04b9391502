package io.tessera.catalogserver.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The {@code DateTime} scalar: an {@link Instant} as ISO-8601 text with a zone. */
final class DateTimeScalar {
  private DateTimeScalar() {}

  static final GraphQLScalarType INSTANCE =
      GraphQLScalarType.newScalar()
          .name("DateTime")
          .description("An instant in ISO-8601 form with a zone, e.g. 2026-11-21T10:05:00Z.")
          .coercing(
              new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof Instant i) {
                    return i.toString();
                  }
                  throw new CoercingSerializeException("not an instant: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                  try {
                    return Instant.parse(String.valueOf(input));
                  } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("not an ISO-8601 instant: " + input);
                  }
                }

                @Override
                public Instant parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  if (input instanceof StringValue s) {
                    try {
                      return Instant.parse(s.getValue());
                    } catch (DateTimeParseException e) {
                      // reported below
                    }
                  }
                  throw new CoercingParseLiteralException("not an ISO-8601 instant: " + input);
                }
              })
          .build();
}
