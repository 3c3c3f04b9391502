/**
 * What every HTTP request and response passes through besides authentication: the per-endpoint body
 * limits ({@link io.tessera.catalogserver.web.LimitsConfig}, refused with a 413 problem before the
 * body is read when its length is declared), strict boolean query flags, and the security headers
 * (Content-Security-Policy, {@code X-Content-Type-Options}) on every response.
 */
package io.tessera.catalogserver.web;
