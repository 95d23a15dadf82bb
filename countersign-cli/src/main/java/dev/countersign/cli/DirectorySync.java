package dev.countersign.cli;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Grant;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.directory.ServiceIdentity;
import dev.countersign.model.Verb;
import dev.countersign.store.PrincipalRecord;
import dev.countersign.store.Store;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the directory in the store at startup and after each reload of the org file: every
 * principal whose definition is new or changed is upserted with a {@code principal.loaded} audit
 * event, in one transaction. (A principal removed from the file stays recorded as last loaded.)
 */
final class DirectorySync {
  private DirectorySync() {}

  /** Stores new and changed principals; returns how many changed. */
  static int sync(Store store, Directory directory) {
    Instant now = Instant.now();
    return store.transaction(
        tx -> {
          int changed = 0;
          for (Principal p : directory.all().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            String definition = Json.compact(definition(p));
            Optional<PrincipalRecord> stored = tx.principals().get(p.id());
            if (stored.isPresent() && stored.get().definitionJson().equals(definition)) {
              continue;
            }
            tx.principals().upsert(new PrincipalRecord(p.id(), p.kind(), definition, now));
            tx.audit().append("principal.loaded", "countersign", p.id(), definition, now);
            changed++;
          }
          return changed;
        });
  }

  private static Map<String, Object> definition(Principal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("kind", p.kind());
    switch (p) {
      case Human h -> {
        m.put("name", h.name());
        m.put("level", h.level().wire());
        m.put("teams", h.teams());
      }
      case Agent a -> {
        m.put("sponsor", a.sponsor());
        m.put("model", a.model());
      }
      case ServiceIdentity s -> {}
    }
    m.put("grants", grants(p.grants()));
    return m;
  }

  private static List<Map<String, Object>> grants(List<Grant> grants) {
    return grants.stream()
        .map(
            g -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("environments", g.environments());
              m.put("services", g.services());
              m.put("verbs", g.verbs().stream().sorted().map(Verb::wire).toList());
              m.put("expires", g.expires().toString());
              return m;
            })
        .toList();
  }
}
