package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The keyword reading of {@code DROP …} and {@code CREATE …} statements. */
final class DropCreate {

  private static final int CREATE_LOOKAHEAD = 16;

  private DropCreate() {}

  /** DROP [TEMPORARY] type [CONCURRENTLY] [IF EXISTS] name, … [ON table] [CASCADE]. */
  static void drop(Cursor c, List<Effect> effects) {
    c.skip();
    c.accept("TEMPORARY", "TEMP");
    boolean cascade = c.containsAtDepth("CASCADE");
    String word = c.peek();
    if (word.equals("OWNED")) {
      c.skip();
      c.accept("BY");
      effects.add(new Effect("DROP OWNED", Verb.DELETE, SqlObject.OBJECT, c.name(), "", cascade));
      return;
    }
    Optional<SqlObject> known = objectAt(c);
    SqlObject object = known.orElse(SqlObject.OBJECT);
    String kind = known.map(o -> "DROP " + o.words()).orElse(("DROP " + word).strip());
    if (known.isEmpty()) {
      c.skip();
    }
    c.accept("CONCURRENTLY");
    c.acceptAll("IF", "EXISTS");
    List<String> names = new ArrayList<>();
    while (!c.atEnd()) {
      String name = c.name();
      if (name.isEmpty()) {
        break;
      }
      names.add(name);
      c.skipGroup();
      if (!c.accept(",")) {
        break;
      }
    }
    String detail = c.accept("ON") ? "on " + c.name() : "";
    if (names.isEmpty()) {
      names.add("");
    }
    for (String name : names) {
      effects.add(new Effect(kind, Verb.DELETE, object, name, detail, cascade));
    }
  }

  /** CREATE [OR REPLACE] [modifiers] type [IF NOT EXISTS] name …; OR REPLACE is an update. */
  static void create(Cursor c, List<Effect> effects) {
    int start = c.index();
    c.skip();
    boolean orReplace = c.acceptAll("OR", "REPLACE");
    Optional<SqlObject> object = Optional.empty();
    for (int n = 0; n < CREATE_LOOKAHEAD && !c.atEnd() && !c.peekSymbol("("); n++) {
      if (c.peek().equals("CONSTRAINT") && c.peek(1).equals("TRIGGER")) {
        c.skip();
        continue;
      }
      object = c.peek().equals("KEY") ? Optional.empty() : objectAt(c);
      if (object.isPresent()) {
        break;
      }
      c.skip();
    }
    if (object.isEmpty()) {
      Cursor again = c.range(start, c.end());
      again.skip();
      String kind = ("CREATE " + again.peek()).strip();
      effects.add(Effect.of(kind, Verb.CREATE, SqlObject.OBJECT, ""));
      return;
    }
    c.accept("CONCURRENTLY");
    c.acceptAll("IF", "NOT", "EXISTS");
    String name = c.peek().equals("ON") ? "" : c.name();
    if (object.get() == SqlObject.INDEX && c.accept("ON")) {
      c.accept("ONLY");
      String table = c.name();
      name = name.isEmpty() ? "on " + table : name;
    }
    effects.add(Effect.create(object.get(), name, orReplace));
  }

  /** The object type named at the cursor (one or two words), moving past it. */
  static Optional<SqlObject> objectAt(Cursor c) {
    String w = c.peek();
    String next = c.peek(1);
    if (w.equals("MATERIALIZED") && next.equals("VIEW")) {
      c.skip();
      c.skip();
      return Optional.of(SqlObject.MATERIALIZED_VIEW);
    }
    if ((w.equals("FOREIGN") && next.equals("TABLE"))
        || (w.equals("EVENT") && next.equals("TRIGGER"))) {
      c.skip();
      c.skip();
      return Optional.of(w.equals("FOREIGN") ? SqlObject.TABLE : SqlObject.TRIGGER);
    }
    if (w.equals("MATERIALIZED") || w.isEmpty()) {
      return Optional.empty();
    }
    Optional<SqlObject> o = SqlObject.fromKeyword(w);
    o.ifPresent(x -> c.skip());
    return o;
  }
}
