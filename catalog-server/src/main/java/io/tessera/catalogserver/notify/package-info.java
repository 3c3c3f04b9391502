/**
 * Subscriptions and notifications: who wants to hear about a product's or a domain's events ({@link
 * io.tessera.catalogserver.notify.SubscriptionService}, REST in {@link
 * io.tessera.catalogserver.notify.SubscriptionController}), the {@link
 * io.tessera.catalogserver.notify.NotificationDispatcher} that turns the change feed (the outbox)
 * into delivery rows in the transaction that advances its cursor, and the {@link
 * io.tessera.catalogserver.notify.NotificationDeliverer} that sends due deliveries as signed
 * CloudEvents webhooks ({@link io.tessera.catalogserver.notify.WebhookSender}) or e-mail ({@link
 * io.tessera.catalogserver.notify.MailSender}) and records each outcome, with retries, backoff and
 * a dead letter. See docs/observability.md.
 */
package io.tessera.catalogserver.notify;
