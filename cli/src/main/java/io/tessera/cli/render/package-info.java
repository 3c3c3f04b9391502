/**
 * What the commands print: field-by-field diffs, entity names, YAML, and the breaking-change report
 * in its four formats (text, JSON, JUnit XML, GitHub Actions commands).
 */
package io.tessera.cli.render;
