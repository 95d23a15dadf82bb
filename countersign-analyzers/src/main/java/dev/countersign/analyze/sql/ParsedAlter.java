package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpression.ColumnDataType;

/**
 * The effects of an {@code ALTER TABLE} from JSqlParser's tree: adding, dropping, retyping and
 * renaming columns, dropping constraints, renaming the table. Any clause it does not map with
 * certainty makes the whole statement go to the keyword reading instead.
 */
final class ParsedAlter {

  private ParsedAlter() {}

  static Optional<List<Effect>> classify(Alter alter, SqlDialect dialect, boolean cascade) {
    if (alter.getTable() == null || alter.getAlterExpressions() == null) {
      return Optional.empty();
    }
    String table = ParsedClassifier.name(alter.getTable(), dialect);
    List<Effect> effects = new ArrayList<>();
    for (AlterExpression e : alter.getAlterExpressions()) {
      if (!expression(table, e, dialect, cascade, effects)) {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(effects));
  }

  private static boolean expression(
      String table, AlterExpression e, SqlDialect dialect, boolean cascade, List<Effect> effects) {
    List<ColumnDataType> columns =
        e.getColDataTypeList() == null ? List.of() : e.getColDataTypeList();
    switch (e.getOperation()) {
      case ADD -> {
        if (columns.isEmpty()) {
          return false;
        }
        for (ColumnDataType c : columns) {
          effects.add(Effect.create(SqlObject.COLUMN, table + "." + column(c, dialect), false));
        }
      }
      case ALTER -> {
        if (columns.isEmpty()) {
          return false;
        }
        for (ColumnDataType c : columns) {
          String col = column(c, dialect);
          effects.add(
              c.isWithType()
                  ? Effect.typeChange(table, col, "")
                  : Effect.of("ALTER COLUMN", Verb.UPDATE, SqlObject.COLUMN, table + "." + col));
        }
      }
      case DROP -> {
        if (e.getColumnName() != null) {
          effects.add(
              Effect.dropColumn(table, Names.normalize(e.getColumnName(), dialect), cascade));
        } else if (e.getConstraintName() != null) {
          effects.add(
              Effect.dropConstraint(
                  table, Names.normalize(e.getConstraintName(), dialect), cascade));
        } else {
          return false;
        }
      }
      case DROP_PRIMARY_KEY -> effects.add(Effect.dropConstraint(table, "PRIMARY KEY", cascade));
      case MODIFY -> {
        if (columns.isEmpty()) {
          return false;
        }
        for (ColumnDataType c : columns) {
          effects.add(Effect.typeChange(table, column(c, dialect), "MODIFY"));
        }
      }
      case RENAME -> {
        if (e.getColumnOldName() == null || e.getColumnName() == null) {
          return false;
        }
        effects.add(
            Effect.renameIn(
                SqlObject.COLUMN,
                table,
                Names.normalize(e.getColumnOldName(), dialect),
                Names.normalize(e.getColumnName(), dialect)));
      }
      case RENAME_TABLE -> {
        if (e.getNewTableName() == null) {
          return false;
        }
        effects.add(
            Effect.rename(SqlObject.TABLE, table, Names.normalize(e.getNewTableName(), dialect)));
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static String column(ColumnDataType c, SqlDialect dialect) {
    return c.getColumnName() == null ? "" : Names.normalize(c.getColumnName(), dialect);
  }
}
