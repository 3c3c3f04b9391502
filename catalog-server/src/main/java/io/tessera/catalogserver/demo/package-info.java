/** The demo mesh loaded into an empty catalog when {@code tessera.demo} is on. */
package io.tessera.catalogserver.demo;
