package io.tessera.catalogserver.mcp;

/** A tool's arguments are wrong: the message says which and how, for the model to correct. */
class ToolArgumentException extends RuntimeException {
  ToolArgumentException(String message) {
    super(message);
  }
}
