/**
 * Tessera's REST API over the JDK's HTTP client: where the server is and which token to send
 * (environment, config file, {@code --server}), and every failure as an exit code.
 */
package io.tessera.cli.client;
