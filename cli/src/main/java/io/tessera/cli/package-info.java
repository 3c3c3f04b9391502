/**
 * The {@code tessera} command line: {@link io.tessera.cli.TesseraCli} and its commands (apply,
 * diff, validate, check-breaking, get, export), the exit codes ({@link io.tessera.cli.ExitCode})
 * and the one exception a command fails with ({@link io.tessera.cli.CliException}). It talks to a
 * server over HTTP only and holds no server code.
 */
package io.tessera.cli;
