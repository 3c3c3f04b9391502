package io.tessera.cli.render;

import java.io.PrintWriter;

/** The output formats of {@code check-breaking}. */
public enum ImpactFormat {
  /** For people. */
  TEXT(new ImpactText()),
  /** The server's answer, each document with its file, document number and line. */
  JSON(new ImpactJson()),
  /** JUnit XML: one test case per document, a failure per breaking change. */
  JUNIT(new ImpactJunit()),
  /** GitHub Actions workflow commands ({@code ::error file=…,line=…,title=…::message}). */
  GITHUB(new ImpactGithub());

  private final Writer writer;

  ImpactFormat(Writer writer) {
    this.writer = writer;
  }

  /** Writes the report in this format. */
  public void write(ImpactReport report, PrintWriter out) {
    writer.write(report, out);
    out.flush();
  }

  /** One format's writer. */
  interface Writer {
    void write(ImpactReport report, PrintWriter out);
  }
}
