/**
 * Descriptor files: finding them below a directory, reading their documents with the line of every
 * field, the request they make, and mapping a server's field errors back to file, document and
 * line.
 */
package io.tessera.cli.files;
