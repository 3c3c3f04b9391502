/**
 * The catalog's change feed: every change (products, domains, policies, access requests, and what
 * other parts append) as a CloudEvents-shaped {@link io.tessera.catalogserver.events.CatalogEvent}
 * in one ordered log ({@link io.tessera.catalogserver.events.CatalogEventLog}, table {@code
 * catalog_event}), served from a cursor as pages and as server-sent events ({@link
 * io.tessera.catalogserver.events.ChangeFeedController}), filtered per caller by {@link
 * io.tessera.catalogserver.events.ChangeFeedScope}, and pruned after the retention ({@link
 * io.tessera.catalogserver.events.EventRetention}).
 */
package io.tessera.catalogserver.events;
