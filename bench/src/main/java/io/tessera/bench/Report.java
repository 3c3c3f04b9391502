package io.tessera.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a run: one row per metric with Tessera's figure, the floor's figure measured in the
 * same run and their ratio, plus the raw series, the load counts and notes. Printed as a table and
 * written as JSON.
 */
final class Report {
  /** Whether a bigger figure is better (throughput) or a smaller one (latency, time, memory). */
  enum Better {
    HIGHER,
    LOWER
  }

  /**
   * One metric. {@code ratio} is how many times worse than the floor Tessera is: Tessera / floor
   * for times, floor / Tessera for rates; absent without a floor or a figure.
   */
  record Row(String metric, String unit, Double tessera, Double floor, Double ratio, String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<Series> series = new ArrayList<>();
  private final Map<String, Object> info = new LinkedHashMap<>();
  private final Map<String, Object> loaded = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void add(String metric, String unit, Better better, Double tessera, Double floor, String note) {
    Double ratio = null;
    if (tessera != null && floor != null && tessera > 0 && floor > 0) {
      ratio = round(better == Better.LOWER ? tessera / floor : floor / tessera);
    }
    rows.add(
        new Row(
            metric,
            unit,
            tessera == null ? null : round(tessera),
            floor == null ? null : round(floor),
            ratio,
            note));
  }

  void series(Series s) {
    series.add(s);
  }

  void info(String key, Object value) {
    info.put(key, value);
  }

  void loaded(String key, Object value) {
    loaded.put(key, value);
  }

  void note(String note) {
    notes.add(note);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%n%-44s %-8s %12s %12s %8s  %s%n",
        "metric",
        "unit",
        "Tessera",
        "floor",
        "ratio",
        "note");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "%-44s %-8s %12s %12s %8s  %s%n",
          r.metric(),
          r.unit(),
          fmt(r.tessera()),
          fmt(r.floor()),
          r.ratio() == null ? "" : fmt(r.ratio()) + "x",
          r.note() == null ? "" : r.note());
    }
    notes.forEach(n -> out.println("note: " + n));
  }

  /** The table as Markdown, for docs/benchmarks.md. */
  String markdown() {
    StringBuilder sb =
        new StringBuilder(
            "| metric | unit | Tessera | floor | ratio |\n|---|---|---:|---:|---:|\n");
    for (Row r : rows) {
      sb.append("| ")
          .append(r.metric())
          .append(r.note() == null ? "" : " (" + r.note() + ")")
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(fmt(r.tessera()))
          .append(" | ")
          .append(fmt(r.floor()))
          .append(" | ")
          .append(r.ratio() == null ? "" : fmt(r.ratio()) + "×")
          .append(" |\n");
    }
    return sb.toString();
  }

  void write(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("info", info);
    json.put("loaded", loaded);
    json.put("metrics", rows);
    json.put("series", series);
    json.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  private static String fmt(Double v) {
    if (v == null) {
      return "n/a";
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
