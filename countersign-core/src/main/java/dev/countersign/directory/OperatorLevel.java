package dev.countersign.directory;

import dev.countersign.model.Verb;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that no agent or service holds operator-level rights: a grant that covers production
 * ({@code production}, {@code prod} or {@code *}) with every mutating verb (create, update, delete,
 * replace and exec; read and noop change nothing, so leaving them out does not make a grant
 * narrower) is refused when it is created. A grant with no expiry is operator-level too; {@link
 * Grant} cannot be built without one, so loaders report it as a missing field.
 */
public final class OperatorLevel {

  /** Environment names treated as production by this rule. */
  public static final Set<String> PRODUCTION = Set.of("production", "prod");

  private static final Set<Verb> MUTATING =
      EnumSet.of(Verb.CREATE, Verb.UPDATE, Verb.DELETE, Verb.REPLACE, Verb.EXEC);

  private OperatorLevel() {}

  /** Why the grant is operator-level, in words; empty when it is acceptable. */
  public static Optional<String> check(Grant grant) {
    Optional<String> production =
        grant.environments().stream()
            .filter(e -> e.equals(Grant.ANY) || PRODUCTION.contains(e))
            .findFirst();
    if (production.isPresent() && grant.verbs().containsAll(MUTATING)) {
      return Optional.of(
          "operator-level grant refused: it covers "
              + (production.get().equals(Grant.ANY) ? "every environment ('*')" : production.get())
              + " with every mutating verb (create, update, delete, replace, exec);"
              + " split it or leave out the verbs it does not need");
    }
    return Optional.empty();
  }

  /** Whether the grant is operator-level. */
  public static boolean isOperatorLevel(Grant grant) {
    return check(grant).isPresent();
  }
}
