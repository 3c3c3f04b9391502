package io.tessera.catalogserver.mcp;

import static io.tessera.catalogserver.mcp.ToolCalls.choice;
import static io.tessera.catalogserver.mcp.ToolCalls.integer;
import static io.tessera.catalogserver.mcp.ToolCalls.properties;
import static io.tessera.catalogserver.mcp.ToolCalls.string;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeRepository;
import io.tessera.catalogserver.exchange.ExchangeService;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tools that act for the caller: {@code request_access} and {@code register_interest} through the
 * exchange ({@link ExchangeService}, as {@code /api/v1/access-requests} and {@code .../interest}),
 * and {@code validate_descriptor}, a dry run of the descriptor apply ({@link ApplyService} with
 * {@code dryRun=true}) that writes nothing.
 */
@Singleton
class ExchangeTools {
  private static final int MAX_DESCRIPTOR = 256 * 1024;

  private final ToolCalls calls;
  private final ExchangeService exchange;
  private final ApplyService apply;

  ExchangeTools(ToolCalls calls, ExchangeService exchange, ApplyService apply) {
    this.calls = calls;
    this.exchange = exchange;
    this.apply = apply;
  }

  List<SyncToolSpecification> tools() {
    return List.of(requestAccess(), registerInterest(), validateDescriptor());
  }

  private SyncToolSpecification requestAccess() {
    return calls.tool(
        "request_access",
        "Request access to a product",
        "Asks a data product's owners for access on the caller's behalf: a purpose, optionally a"
            + " purpose code, one output port and a duration. Owners approve or reject it; an"
            + " approval is a usage agreement that lets the caller read the product until it"
            + " expires. Some products approve automatically; some cannot be requested. Only one"
            + " open request per product and port.",
        properties(
            "product",
            string("the data product as domain/name", 300),
            "purpose",
            string("why access is needed, in words the owners will read", 2000),
            "purposeCode",
            string("a purpose code, e.g. analytics, reporting, retention, research", 64),
            "port",
            string("one output port's name, when only that port is needed", 128),
            "intendedUse",
            string("what the data will be used for", 2000),
            "durationDays",
            integer("how long access is needed, in days", 1, 3650, 90)),
        List.of("product", "purpose"),
        false,
        (caller, args) -> {
          String[] key = args.product("product");
          AccessRequest request =
              exchange.request(
                  caller.principal(),
                  new ExchangeService.RequestInput(
                      key[0] + "/" + key[1],
                      args.string("port", false, 128),
                      args.string("purpose", true, 2000),
                      args.string("purposeCode", false, 64),
                      args.string("intendedUse", false, 2000),
                      args.optionalInteger("durationDays", 1, 3650)));
          return new ToolCalls.Outcome(request, 1, key[0] + "/" + key[1]);
        });
  }

  private SyncToolSpecification registerInterest() {
    return calls.tool(
        "register_interest",
        "Register interest in a product",
        "Tells a data product's owners that the caller is interested in it (typically a planned"
            + " product not built yet), with an optional use case; the owners see the demand and"
            + " the caller is told when the product turns physical. Registering again updates the"
            + " use case.",
        properties(
            "product",
            string("the data product as domain/name", 300),
            "useCase",
            string("what the caller would use it for", 2000)),
        List.of("product"),
        false,
        (caller, args) -> {
          String[] key = args.product("product");
          ExchangeRepository.Interest interest =
              exchange.putInterest(
                  caller.principal(), key[0], key[1], args.string("useCase", false, 2000));
          return new ToolCalls.Outcome(interest, 1, key[0] + "/" + key[1]);
        });
  }

  private SyncToolSpecification validateDescriptor() {
    return calls.tool(
        "validate_descriptor",
        "Validate a descriptor (dry run)",
        "Validates one or more Tessera descriptors (YAML or JSON: kind Domain, DataProduct or"
            + " Policy; ODPS and ODCS documents too) exactly as applying them would, and reports"
            + " per document what would happen (created, updated, unchanged) and the changes,"
            + " or the errors by field path (spec.outputPorts[0].dataset.name: required). Nothing"
            + " is written. The caller must be allowed to write the documents' domains.",
        properties(
            "descriptor",
            string("the descriptor text (several YAML documents separated by ---)", MAX_DESCRIPTOR),
            "format",
            choice("yaml (the default) or json", List.of("yaml", "json"))),
        List.of("descriptor"),
        true,
        (caller, args) -> {
          String text = args.string("descriptor", true, MAX_DESCRIPTOR);
          boolean json = "json".equals(args.choice("format", List.of("yaml", "json"), "yaml"));
          ApplyReport report =
              apply.apply(
                  new ApplyService.Request(
                      text.getBytes(StandardCharsets.UTF_8), json, true, null, caller.principal()));
          return new ToolCalls.Outcome(report, report.results().size(), null);
        });
  }
}
