package io.tessera.catalogserver.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentStateTest {
  @Test
  void shouldMoveOpenToAcknowledgedToResolvedAndNeverBack() {
    assertThat(IncidentState.OPEN.mayBecome(IncidentState.ACKNOWLEDGED)).isTrue();
    assertThat(IncidentState.OPEN.mayBecome(IncidentState.RESOLVED)).isTrue();
    assertThat(IncidentState.ACKNOWLEDGED.mayBecome(IncidentState.RESOLVED)).isTrue();
    assertThat(IncidentState.ACKNOWLEDGED.mayBecome(IncidentState.OPEN)).isFalse();
    assertThat(IncidentState.RESOLVED.mayBecome(IncidentState.OPEN)).isFalse();
    assertThat(IncidentState.RESOLVED.mayBecome(IncidentState.ACKNOWLEDGED)).isFalse();
  }

  @Test
  void shouldTakeTheWorseStatus() {
    assertThat(HealthStatus.HEALTHY.worse(HealthStatus.DEGRADED)).isEqualTo(HealthStatus.DEGRADED);
    assertThat(HealthStatus.FAILING.worse(HealthStatus.DEGRADED)).isEqualTo(HealthStatus.FAILING);
    assertThat(HealthStatus.of("failing")).isEqualTo(HealthStatus.FAILING);
    assertThat(HealthStatus.of("nope")).isNull();
  }
}
