package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tessera.cli.client.TesseraClient;
import io.tessera.cli.render.YamlText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tessera get}: the API's views of products and domains. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    description = "Read the catalog: products, domains, one product.",
    subcommands = {GetCommand.Products.class, GetCommand.Domains.class, GetCommand.Product.class})
final class GetCommand implements Runnable {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand TesseraCli root;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Output formats of the listings. */
  enum Output {
    TABLE,
    JSON,
    YAML
  }

  /** What the three reads share. */
  abstract static class Read implements Callable<Integer> {
    @ParentCommand GetCommand get;

    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection;

    TesseraClient client() {
      return connection.client(get.root.session(), spec.commandLine().getErr());
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    void print(JsonNode value, Output output, List<String> columns) {
      switch (output) {
        case JSON -> out().println(json(value));
        case YAML -> out().print(YamlText.of(value));
        case TABLE -> table(value, columns);
      }
      out().flush();
    }

    private void table(JsonNode rows, List<String> columns) {
      List<List<String>> cells = new ArrayList<>();
      cells.add(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
      for (JsonNode row : rows) {
        cells.add(columns.stream().map(c -> cell(row, c)).toList());
      }
      int[] widths = new int[columns.size()];
      for (List<String> line : cells) {
        for (int i = 0; i < line.size(); i++) {
          widths[i] = Math.max(widths[i], line.get(i).length());
        }
      }
      for (List<String> line : cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
          String value = line.get(i);
          text.append(value);
          if (i < line.size() - 1) {
            text.append(" ".repeat(widths[i] - value.length() + 2));
          }
        }
        out().println(text.toString().stripTrailing());
      }
    }

    private static String cell(JsonNode row, String column) {
      JsonNode value = row.path(column);
      return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }
  }

  static String json(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Command(
      name = "products",
      mixinStandardHelpOptions = true,
      versionProvider = TesseraCli.Version.class,
      description = "List data products (all pages), optionally of one domain or lifecycle.")
  static final class Products extends Read {
    @Option(
        names = {"-d", "--domain"},
        paramLabel = "DOMAIN",
        description = "Only this domain's products.")
    String domain;

    @Option(
        names = "--lifecycle",
        paramLabel = "STATUS",
        description = "A declared status (ideation … retired), or planned / physical.")
    String lifecycle;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "table",
        paramLabel = "FORMAT",
        description = "table, json or yaml.")
    Output output;

    @Override
    public Integer call() {
      Map<String, String> query = new LinkedHashMap<>();
      if (domain != null) {
        query.put("domain", domain);
      }
      if (lifecycle != null) {
        query.put("lifecycle", lifecycle);
      }
      ArrayNode items = JSON.createArrayNode();
      client().list("/api/v1/products", query).forEach(items::add);
      print(items, output, List.of("domain", "name", "lifecycle", "state", "title"));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "domains",
      mixinStandardHelpOptions = true,
      versionProvider = TesseraCli.Version.class,
      description = "List the domains.")
  static final class Domains extends Read {
    @Option(
        names = {"-o", "--output"},
        defaultValue = "table",
        paramLabel = "FORMAT",
        description = "table, json or yaml.")
    Output output;

    @Override
    public Integer call() {
      print(client().get("/api/v1/domains"), output, List.of("name", "parent", "title", "owner"));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "product",
      mixinStandardHelpOptions = true,
      versionProvider = TesseraCli.Version.class,
      description = "One data product as the API shows it: ports, datasets, schemas, state.")
  static final class Product extends Read {
    @Parameters(paramLabel = "DOMAIN/NAME", description = "e.g. sales/orders")
    String key;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "yaml",
        paramLabel = "FORMAT",
        description = "yaml or json.")
    Output output;

    @Override
    public Integer call() {
      String[] parts = key.split("/", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new CliException(
            ExitCode.INVALID, "name the product as DOMAIN/NAME, e.g. sales/orders");
      }
      if (output == Output.TABLE) {
        throw new CliException(ExitCode.INVALID, "a product is shown as yaml or json");
      }
      JsonNode product =
          client()
              .get(
                  "/api/v1/products/"
                      + TesseraClient.encode(parts[0])
                      + "/"
                      + TesseraClient.encode(parts[1]));
      print(product, output, List.of());
      return ExitCode.OK;
    }
  }
}
