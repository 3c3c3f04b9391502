package io.tessera.catalogserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.catalogserver.exchange.AccessRequest.State;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The life of an access request: which transitions exist and which states count as open. */
class AccessRequestStateTest {

  @Test
  void shouldAllowOnlyTheTransitionsOfTheLifeOfARequest() {
    assertThat(reachable(State.REQUESTED))
        .containsExactlyInAnyOrder(State.APPROVED, State.REJECTED, State.WITHDRAWN);
    assertThat(reachable(State.APPROVED)).containsExactly(State.ACTIVE);
    assertThat(reachable(State.ACTIVE)).containsExactlyInAnyOrder(State.EXPIRED, State.REVOKED);
    for (State end : EnumSet.of(State.REJECTED, State.WITHDRAWN, State.EXPIRED, State.REVOKED)) {
      assertThat(reachable(end)).as(end.slug()).isEmpty();
    }
  }

  @Test
  void shouldCountRequestedApprovedAndActiveAsOpen() {
    assertThat(Arrays.stream(State.values()).filter(State::open))
        .containsExactlyInAnyOrder(State.REQUESTED, State.APPROVED, State.ACTIVE);
  }

  @Test
  void shouldNameStatesInLowercase() {
    assertThat(State.WITHDRAWN.slug()).isEqualTo("withdrawn");
  }

  private static Set<State> reachable(State from) {
    Set<State> next = EnumSet.noneOf(State.class);
    for (State s : State.values()) {
      if (from.canBecome(s)) {
        next.add(s);
      }
    }
    return next;
  }
}
