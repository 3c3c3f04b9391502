package io.tessera.catalogserver.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeFeedScopeTest {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final ChangeFeedScope FEED = new ChangeFeedScope(IRIS);
  private static final VisibilityScope NOT_HIDDEN =
      VisibilityScope.allGraphsExcept(Set.of(IRIS.productGraph("fjord", "hidden")));

  private static AccessScope scope(Principal p) {
    return new AccessScope(p, NOT_HIDDEN, NOT_HIDDEN);
  }

  private static final AccessScope ADMIN =
      AccessScope.unrestricted(new Principal("root", Set.of(Role.ADMIN), Set.of(), Map.of()));
  private static final AccessScope READER =
      scope(new Principal("reader", Set.of(Role.CONSUMER), Set.of(), Map.of()));
  private static final AccessScope FJORD_OWNER =
      scope(new Principal("owner", Set.of(Role.DOMAIN_OWNER), Set.of("fjord"), Map.of()));

  private static CatalogEvent event(String type, String subject, String product) {
    return CatalogEvent.of(type, subject, product, null);
  }

  @Test
  void shouldHideEventsAboutAProductTheCallerMayNotDiscover() {
    CatalogEvent hidden = event("product.changed", "fjord/hidden", "fjord/hidden");
    CatalogEvent shown = event("product.changed", "fjord/open", "fjord/open");
    assertThat(FEED.visible(hidden, READER)).isFalse();
    assertThat(FEED.visible(shown, READER)).isTrue();
    assertThat(FEED.visible(hidden, ADMIN)).isTrue();
    assertThat(FEED.visible(event("incident.opened", "i-1", "fjord/hidden"), READER)).isFalse();
  }

  @Test
  void shouldShowAccessEventsToTheDomainsOwnersAndAdminsOnly() {
    CatalogEvent access = event("access.requested", "req-1", "fjord/open");
    assertThat(FEED.visible(access, FJORD_OWNER)).isTrue();
    assertThat(FEED.visible(access, ADMIN)).isTrue();
    assertThat(FEED.visible(access, READER)).isFalse();
    assertThat(FEED.visible(event("access.requested", "req-2", "tide/x"), FJORD_OWNER)).isFalse();
  }

  @Test
  void shouldShowPolicyEventsToTheGovernedDomainsOwnersAndAdmins() {
    CatalogEvent domainPolicy = event("policy.changed", "domain/fjord/p", null);
    CatalogEvent global = event("policy.changed", "global/p", null);
    assertThat(FEED.visible(domainPolicy, FJORD_OWNER)).isTrue();
    assertThat(FEED.visible(global, FJORD_OWNER)).isFalse();
    assertThat(FEED.visible(domainPolicy, READER)).isFalse();
    assertThat(FEED.visible(global, ADMIN)).isTrue();
  }

  @Test
  void shouldShowDomainEventsToEveryoneAndOtherProductlessEventsToAdminsOnly() {
    assertThat(FEED.visible(event("domain.changed", "fjord", null), READER)).isTrue();
    assertThat(FEED.visible(event("incident.opened", "i-9", null), READER)).isFalse();
    assertThat(FEED.visible(event("incident.opened", "i-9", null), FJORD_OWNER)).isFalse();
    assertThat(FEED.visible(event("incident.opened", "i-9", null), ADMIN)).isTrue();
  }
}
