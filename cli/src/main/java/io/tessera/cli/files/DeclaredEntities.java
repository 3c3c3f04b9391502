package io.tessera.cli.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.descriptors.DescriptorException;
import io.tessera.descriptors.standards.StandardDescriptors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a set of documents declares, read offline: domains (by their {@code kind: Domain} document)
 * and products ({@code domain/name}, for ODPS and ODCS documents after translation, with the
 * fallback domain for those that name none).
 */
public record DeclaredEntities(Set<String> domains, Set<String> products) {
  public DeclaredEntities {
    domains = Set.copyOf(domains);
    products = Set.copyOf(products);
  }

  /** The entities the documents declare; documents that cannot be read as one are left out. */
  public static DeclaredEntities of(DocumentSet set, String fallbackDomain) {
    StandardDescriptors standards = new StandardDescriptors();
    Set<String> domains = new LinkedHashSet<>();
    Set<String> products = new LinkedHashSet<>();
    for (SourceDocument doc : set.documents()) {
      JsonNode content = doc.content();
      try {
        content =
            standards.translate(content, fallbackDomain).map(JsonNode.class::cast).orElse(content);
      } catch (DescriptorException e) {
        continue; // the server reports it
      }
      String kind = content.path("kind").asText();
      JsonNode metadata = content.path("metadata");
      if ("Domain".equals(kind) && metadata.path("name").isTextual()) {
        domains.add(metadata.path("name").asText());
      } else if ("DataProduct".equals(kind)
          && metadata.path("name").isTextual()
          && metadata.path("domain").isTextual()) {
        products.add(metadata.path("domain").asText() + "/" + metadata.path("name").asText());
      }
    }
    return new DeclaredEntities(domains, products);
  }

  /**
   * The products of the declared domains that the documents no longer declare.
   *
   * @param existing {@code domain/name} of the products the catalog has in those domains
   */
  public List<String> undeclared(List<String> existing) {
    List<String> gone = new ArrayList<>();
    for (String key : existing) {
      String domain = key.substring(0, key.indexOf('/'));
      if (domains.contains(domain) && !products.contains(key)) {
        gone.add(key);
      }
    }
    return gone;
  }
}
