package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import org.jspecify.annotations.Nullable;

/**
 * Reads the effects of a statement from JSqlParser's tree, for the statement types whose structure
 * matters: DROP, TRUNCATE, DELETE, UPDATE, INSERT, CREATE TABLE/INDEX/VIEW and ALTER TABLE (see
 * {@link ParsedAlter}).
 *
 * <p>Empty means "read this statement by its keywords": other statement types, CTEs (a {@code WITH}
 * can hide a data-modifying statement) and ALTER clauses this class does not map with certainty.
 */
final class ParsedClassifier {

  private ParsedClassifier() {}

  static Optional<List<Effect>> classify(Statement st, SqlDialect dialect, boolean cascade) {
    List<Effect> effects = new ArrayList<>();
    if (st instanceof Drop drop) {
      if (!drop(drop, dialect, effects)) {
        return Optional.empty();
      }
    } else if (st instanceof Truncate t) {
      for (Table table : tables(t.getTables(), t.getTable())) {
        effects.add(Effect.truncate(name(table, dialect), t.getCascade()));
      }
    } else if (st instanceof Delete d && empty(d.getWithItemsList())) {
      for (Table table : tables(d.getTables(), d.getTable())) {
        effects.add(Effect.delete(name(table, dialect), d.getWhere() != null));
      }
    } else if (st instanceof Update u && empty(u.getWithItemsList()) && u.getTable() != null) {
      effects.add(Effect.update(name(u.getTable(), dialect), u.getWhere() != null));
    } else if (st instanceof Insert i && empty(i.getWithItemsList()) && i.getTable() != null) {
      boolean upsert =
          i.getDuplicateAction() != null
              || (i.getConflictAction() != null
                  && i.getConflictAction().toString().toUpperCase(Locale.ROOT).contains("UPDATE"));
      String table = name(i.getTable(), dialect);
      effects.add(
          upsert
              ? Effect.of("UPSERT", Verb.UPDATE, SqlObject.ROWS, table)
              : Effect.of("INSERT", Verb.CREATE, SqlObject.ROWS, table));
    } else if (st instanceof CreateTable ct) {
      effects.add(Effect.create(SqlObject.TABLE, name(ct.getTable(), dialect), false));
    } else if (st instanceof CreateView cv) {
      SqlObject object = cv.isMaterialized() ? SqlObject.MATERIALIZED_VIEW : SqlObject.VIEW;
      effects.add(Effect.create(object, name(cv.getView(), dialect), cv.isOrReplace()));
    } else if (st instanceof CreateIndex ci) {
      String index =
          ci.getIndex() == null || ci.getIndex().getName() == null
              ? "on " + name(ci.getTable(), dialect)
              : Names.normalize(ci.getIndex().getName(), dialect);
      effects.add(Effect.create(SqlObject.INDEX, index, false));
    } else if (st instanceof net.sf.jsqlparser.statement.alter.Alter alter) {
      return ParsedAlter.classify(alter, dialect, cascade);
    } else {
      return Optional.empty();
    }
    return effects.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(effects));
  }

  /** The tables a statement names: its list, else its one table, never a null. */
  private static List<Table> tables(@Nullable List<Table> list, @Nullable Table one) {
    List<Table> out = new ArrayList<>();
    if (list != null) {
      list.stream().filter(java.util.Objects::nonNull).forEach(out::add);
    }
    if (out.isEmpty() && one != null) {
      out.add(one);
    }
    return out;
  }

  /** A DROP of a known object type; false (keyword reading) for any other. */
  private static boolean drop(Drop drop, SqlDialect dialect, List<Effect> effects) {
    String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
    Optional<SqlObject> known =
        drop.isMaterialized()
            ? Optional.of(SqlObject.MATERIALIZED_VIEW)
            : SqlObject.fromKeyword(type);
    if (known.isEmpty()) {
      return false;
    }
    SqlObject object = known.get();
    String kind = "DROP " + object.words();
    List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
    boolean cascade = params.stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
    int on = indexOfIgnoreCase(params, "ON");
    String detail =
        on >= 0 && on + 1 < params.size()
            ? "on " + Names.normalize(params.get(on + 1), dialect)
            : "";
    for (Table t : tables(drop.getNames(), drop.getName())) {
      effects.add(new Effect(kind, Verb.DELETE, object, name(t, dialect), detail, cascade));
    }
    return true;
  }

  private static int indexOfIgnoreCase(List<String> list, String word) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).equalsIgnoreCase(word)) {
        return i;
      }
    }
    return -1;
  }

  static String name(@Nullable Table table, SqlDialect dialect) {
    return table == null ? "" : Names.normalize(table.getFullyQualifiedName(), dialect);
  }

  private static boolean empty(@Nullable List<?> list) {
    return list == null || list.isEmpty();
  }
}
