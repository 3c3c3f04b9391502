/**
 * Policies as data: {@code kind: Policy} descriptors stored as ODRL 2.2 ({@link
 * io.tessera.governance.PolicyMapper}, {@link io.tessera.governance.PolicyRepository}) and
 * evaluated into a principal's access scope ({@link io.tessera.governance.PolicyEvaluator}): deny
 * overrides permit, a product any permission targets is restricted to those a permission applies
 * to, and every decision can be explained.
 */
package io.tessera.governance;
