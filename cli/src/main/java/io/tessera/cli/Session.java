package io.tessera.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads from the process around it: the environment, the home directory, and whether
 * a person is at a terminal to answer a question.
 *
 * @param environment the environment variables
 * @param home the user's home directory
 * @param input where answers are read from
 * @param interactive whether standard input and output are a terminal
 */
public record Session(
    Map<String, String> environment, Path home, BufferedReader input, boolean interactive) {

  /** The session of this process. */
  public static Session system() {
    return new Session(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        isTerminal());
  }

  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try { // Console.isTerminal() exists from JDK 22 on, where System.console() is never null
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
