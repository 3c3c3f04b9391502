/**
 * Who may see and do what. Policies as data: {@code kind: Policy} descriptors stored as ODRL 2.2
 * ({@link io.tessera.governance.PolicyMapper}, {@link io.tessera.governance.PolicyRepository}) and
 * evaluated into a principal's access scope ({@link io.tessera.governance.PolicyEvaluator}): deny
 * overrides permit, a product any permission targets is restricted to those a permission applies
 * to, and every decision can be explained. Also toxic combinations found in lineage ({@link
 * io.tessera.governance.ToxicCombinationDetector}, findings behind the {@link
 * io.tessera.governance.FindingStore} port), lineage redaction, the SPARQL view of a caller, write
 * permissions ({@link io.tessera.governance.WriteAuthorization}) and API token grants ({@link
 * io.tessera.governance.TokenGrants}).
 */
package io.tessera.governance;
