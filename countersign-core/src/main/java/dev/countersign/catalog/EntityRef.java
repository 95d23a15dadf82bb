package dev.countersign.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * A reference to a catalog entity, {@code kind:namespace/name}, following Backstage's rules: kinds
 * are letters and digits, namespaces are DNS labels, names are 1–63 characters of letters, digits
 * and {@code -_.} that start and end with a letter or digit. References compare case-insensitively,
 * so every part is kept in lower case.
 *
 * @param kind the entity kind, e.g. {@code component} (any kind, including ones not modelled)
 * @param namespace the namespace, {@code default} unless the catalog says otherwise
 * @param name the entity name
 */
public record EntityRef(String kind, String namespace, String name) {
  /** The namespace of an entity that names none. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final int MAX = 63;

  public EntityRef {
    kind = lower(requireNonNull(kind, "kind"));
    namespace = lower(requireNonNull(namespace, "namespace"));
    name = lower(requireNonNull(name, "name"));
    check(validKind(kind), "kind", kind, "letters and digits, starting with a letter");
    check(validNamespace(namespace), "namespace", namespace, "lower-case letters, digits and single '-'");
    check(validName(name), "name", name, "letters, digits and '-', '_', '.', starting and ending with a letter or digit");
  }

  /** A reference to an entity of a modelled kind. */
  public static EntityRef of(EntityKind kind, String namespace, String name) {
    return new EntityRef(kind.wire(), namespace, name);
  }

  /**
   * Parses {@code [kind:][namespace/]name} as Backstage does: the parts left out come from the
   * defaults; an empty {@code defaultKind} means the kind must be written.
   */
  public static EntityRef parse(String text, String defaultKind, String defaultNamespace) {
    String ref = text.strip();
    int colon = ref.indexOf(':');
    int slash = ref.indexOf('/');
    if (slash >= 0 && slash < colon) {
      colon = -1; // a colon after the first slash belongs to the name, which then fails validation
    }
    String kind = colon < 0 ? defaultKind : ref.substring(0, colon);
    String namespace = slash < 0 ? defaultNamespace : ref.substring(colon + 1, slash);
    String name = ref.substring(Math.max(colon + 1, slash + 1));
    if (colon == 0 || (slash >= 0 && namespace.isEmpty()) || name.isEmpty()) {
      throw new CatalogException(
          "entity reference '" + shorten(text) + "' is not of the form [kind:][namespace/]name");
    }
    if (kind.isEmpty()) {
      throw new CatalogException(
          "entity reference '" + shorten(text) + "' needs a kind, e.g. 'resource:" + shorten(name) + "'");
    }
    return new EntityRef(kind, namespace, name);
  }

  /** The modelled kind of this reference, or empty for a kind the graph does not model. */
  public Optional<EntityKind> knownKind() {
    return EntityKind.fromWire(kind);
  }

  /**
   * The shortest unambiguous form: the kind left out when it is {@code defaultKind}, the namespace
   * when it is {@code default}. {@code humanize("component")} of {@code component:default/web} is
   * {@code web}.
   */
  public String humanize(String defaultKind) {
    boolean sameKind = kind.equals(defaultKind);
    boolean defaultNamespace = namespace.equals(DEFAULT_NAMESPACE);
    if (sameKind && defaultNamespace) {
      return name;
    }
    String ns = defaultNamespace ? "" : namespace + "/";
    return sameKind ? ns + name : kind + ":" + ns + name;
  }

  /** {@code kind:namespace/name}. */
  @Override
  public String toString() {
    return kind + ":" + namespace + "/" + name;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT); // the same instance when already lower case
  }

  private static void check(boolean ok, String part, String value, String rule) {
    if (!ok) {
      throw new CatalogException(
          "entity " + part + " '" + shorten(value) + "' is not valid: at most " + MAX + " " + rule);
    }
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  static boolean validKind(String s) {
    if (s.isEmpty() || s.length() > MAX || !letter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!letter(s.charAt(i)) && !digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean validNamespace(String s) {
    if (s.isEmpty() || s.length() > MAX || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || digit(c) || (c == '-' && s.charAt(i - 1) != '-');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean validName(String s) {
    if (s.isEmpty() || s.length() > MAX || !alnum(s.charAt(0)) || !alnum(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean alnum(char c) {
    return letter(c) || digit(c);
  }
}
