package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives the owner IRI ({@code spec.owner}) from a standard's {@code team}.
 *
 * <p>The first current member (no {@code dateOut}) whose role is owner or product owner becomes
 * {@code mailto:<email>} or {@code urn:tessera:user:<username>}; otherwise the team itself, {@code
 * urn:tessera:team:<slug(team.name)>}; otherwise the domain, {@code urn:tessera:domain:<domain>}.
 * Both the ODCS v3.1 team object ({@code name}, {@code members}) and the older member array are
 * read. The Data Contract Specification's free-text {@code info.owner} is read by {@link
 * #fromText}.
 */
final class Owners {

  private static final String MAILTO = "mailto:";
  private static final String USER = "urn:tessera:user:";
  private static final String TEAM = "urn:tessera:team:";
  private static final Set<String> OWNER_ROLES =
      Set.of("owner", "productowner", "dataproductowner");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern NOT_ROLE = Pattern.compile("[^a-z]");

  private Owners() {}

  /** Returns the owner IRI for {@code team} (may be null) in {@code domain}. */
  static String of(JsonNode team, String domain) {
    for (JsonNode member : members(team)) {
      String username = SourceFields.text(member, "username");
      if (username != null && isOwner(member) && SourceFields.text(member, "dateOut") == null) {
        return userIri(username);
      }
    }
    if (team != null && team.isObject()) {
      var teamSlug = Slugs.slug(SourceFields.text(team, "name"));
      if (teamSlug.isPresent()) {
        return TEAM + teamSlug.get();
      }
    }
    return "urn:tessera:domain:" + domain;
  }

  /**
   * Returns the owner IRI for a free-text owner, as the Data Contract Specification's {@code
   * info.owner} gives it: an e-mail address becomes {@code mailto:}, anything else the team {@code
   * urn:tessera:team:<slug>}; without an owner, the contact e-mail ({@code mailto:}); else the
   * domain.
   *
   * @param owner the owner text, or null
   * @param contactEmail the contact's e-mail address, or null
   * @param domain the product's domain
   */
  static String fromText(String owner, String contactEmail, String domain) {
    if (owner != null && EMAIL.matcher(owner).matches()) {
      return "mailto:" + owner;
    }
    var teamSlug = Slugs.slug(owner);
    if (teamSlug.isPresent()) {
      return "urn:tessera:team:" + teamSlug.get();
    }
    if (contactEmail != null && EMAIL.matcher(contactEmail).matches()) {
      return "mailto:" + contactEmail;
    }
    return "urn:tessera:domain:" + domain;
  }

  private static List<JsonNode> members(JsonNode team) {
    if (team != null && team.isArray()) {
      List<JsonNode> members = new ArrayList<>();
      team.forEach(members::add);
      return members;
    }
    return SourceFields.elements(team, "members");
  }

  private static boolean isOwner(JsonNode member) {
    String role = SourceFields.text(member, "role");
    return role != null
        && OWNER_ROLES.contains(NOT_ROLE.matcher(role.toLowerCase(Locale.ROOT)).replaceAll(""));
  }

  private static String userIri(String username) {
    if (EMAIL.matcher(username).matches()) {
      return MAILTO + username;
    }
    return USER + percentEncode(username);
  }

  private static String percentEncode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /**
   * Returns the standard's {@code team} for an owner IRI, the inverse of {@link #of}: {@code
   * mailto:} and {@code urn:tessera:user:} owners become a member with role {@code owner}, {@code
   * urn:tessera:team:} the team's name, the domain itself no team; any other IRI is written as the
   * owning member's username.
   *
   * @return the team object, or null when the owner is the domain
   */
  static ObjectNode team(String owner, String domain) {
    ObjectNode team = JsonNodeFactory.instance.objectNode();
    if (owner == null || owner.equals("urn:tessera:domain:" + domain)) {
      return null;
    }
    if (owner.startsWith(TEAM)) {
      team.put("name", owner.substring(TEAM.length()));
      return team;
    }
    String username =
        owner.startsWith(MAILTO)
            ? owner.substring(MAILTO.length())
            : owner.startsWith(USER)
                ? URLDecoder.decode(owner.substring(USER.length()), StandardCharsets.UTF_8)
                : owner;
    ObjectNode member = team.putArray("members").addObject();
    member.put("username", username);
    member.put("role", "owner");
    return team;
  }
}
