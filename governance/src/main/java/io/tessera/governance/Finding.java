package io.tessera.governance;

import java.time.Instant;
import java.util.List;

/**
 * A toxic combination found in lineage: a job read datasets that together carry every
 * classification of a policy's combination, so what it writes takes the result classification.
 *
 * @param policy the policy declaring the combination ({@code global/name} or {@code domain/name})
 * @param job {@code namespace:name} of the job
 * @param combination the combined classifications
 * @param result the classification the outputs inherit
 * @param inputs the job's input datasets ({@code namespace:name})
 * @param outputs the job's output datasets
 * @param outputProducts the products ({@code domain/name}) whose output ports the outputs are; they
 *     inherit {@code result}
 * @param owners the domains told about it (the output products' and the inputs' products')
 */
public record Finding(
    long id,
    Instant foundAt,
    String policy,
    String job,
    List<String> combination,
    String result,
    List<String> inputs,
    List<String> outputs,
    List<String> outputProducts,
    List<String> owners) {}
