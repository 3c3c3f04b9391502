package io.tessera.catalogserver.api;

import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The instant a read of the catalog as it was ({@code ?asOf=}, GraphQL {@code asOf}) is answered
 * at: everything applied or observed at or before it counts, nothing after.
 *
 * <p>An ISO-8601 instant with a zone or an offset ({@code 2026-03-01T12:00:00Z}, {@code
 * 2026-03-01T13:00:00+01:00}) is that instant; a date ({@code 2026-03-01}) is the end of that day
 * in UTC (its last nanosecond), so that "as of March 1" includes what happened on March 1. A future
 * instant is accepted and answers like now (nothing was recorded after now). Years outside
 * 1900–2999 are refused.
 *
 * @param at the instant, inclusive
 */
public record AsOf(Instant at) {
  private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("2999-12-31T23:59:59.999999999Z");

  /** The parameter's name in REST queries and GraphQL arguments. */
  public static final String PARAMETER = "asOf";

  /**
   * The instant a parameter names, or null when it is absent (a live read).
   *
   * @throws ProblemException {@code invalid-request} naming {@code asOf} when it is neither an
   *     instant nor a date
   */
  public static AsOf parse(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    Instant at = null;
    try {
      at =
          text.length() == 10
              ? LocalDate.parse(text)
                  .plusDays(1)
                  .atStartOfDay(ZoneOffset.UTC)
                  .toInstant()
                  .minusNanos(1)
              : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | ArithmeticException e) {
      // answered below
    }
    if (at == null || at.isBefore(FIRST) || at.isAfter(LAST)) {
      throw invalid(value);
    }
    return new AsOf(at);
  }

  private static ProblemException invalid(String value) {
    String message =
        "asOf must be an ISO-8601 instant such as 2026-03-01T12:00:00Z or a date such as"
            + " 2026-03-01 (the end of that day in UTC), between the years 1900 and 2999";
    return new ProblemException(
        ProblemType.INVALID_REQUEST, message, List.of(new Problem.FieldError(PARAMETER, message)));
  }
}
