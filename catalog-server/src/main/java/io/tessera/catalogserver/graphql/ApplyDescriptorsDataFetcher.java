package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.governance.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code Mutation.applyDescriptors}: the same apply as {@code POST /api/v1/descriptors} (all
 * documents or none, dry run, per-document results); a rejected request is an error with the
 * problem's code and, for invalid documents, the field errors in {@code extensions.errors}.
 */
final class ApplyDescriptorsDataFetcher implements DataFetcher<ApplyPayloadView> {
  private final ApplyService apply;

  ApplyDescriptorsDataFetcher(ApplyService apply) {
    this.apply = apply;
  }

  @Override
  public ApplyPayloadView get(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    String documents = (String) input.get("documents");
    boolean json = "JSON".equals(input.get("format"));
    boolean dryRun = Boolean.TRUE.equals(input.get("dryRun"));
    Principal actor = GraphQLRequest.scope(env).principal();
    return ApplyPayloadView.of(
        apply.apply(
            new ApplyService.Request(
                documents.getBytes(StandardCharsets.UTF_8),
                json,
                dryRun,
                (String) input.get("domain"),
                actor)));
  }
}
