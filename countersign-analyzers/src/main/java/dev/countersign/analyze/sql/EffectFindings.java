package dev.countersign.analyze.sql;

import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The findings one effect raises, each naming its line in the message and the address: data loss,
 * deleted rows, a WHERE-less UPDATE, dropped objects, CASCADE, type changes, renames, code
 * Countersign cannot see, and dropped databases or schemas (recreate-environment).
 */
final class EffectFindings {

  static final String DATA_LOSS = "data-loss";
  static final String ROW_DELETE = "row-delete";
  static final String UPDATE_WITHOUT_WHERE = "update-without-where";
  static final String DROP_OBJECT = "drop-object";
  static final String CASCADE = "cascade";
  static final String TYPE_CHANGE = "column-type-change";
  static final String RENAME = "breaking-rename";
  static final String OPAQUE = "opaque";

  private EffectFindings() {}

  static List<Finding> of(Effect e, int line) {
    List<Finding> out = new ArrayList<>(2);
    String at = "Line " + line + ": ";
    String address = e.address().isEmpty() ? "line " + line : e.address() + " (line " + line + ")";
    String what = (e.kind() + " " + e.address()).strip();
    if (e.verb() == Verb.DELETE) {
      deleteFinding(e, at, what).ifPresent(f -> out.add(withAddress(f, address)));
    }
    if (e.kind().equals("UPDATE (no WHERE)")) {
      out.add(
          new Finding(
              Severity.HIGH,
              UPDATE_WITHOUT_WHERE,
              at + "UPDATE " + e.address() + " has no WHERE clause: it overwrites every row.",
              address));
    }
    if (e.typeChange() || e.kind().startsWith("CONVERT")) {
      out.add(
          new Finding(
              Severity.WARNING,
              TYPE_CHANGE,
              at
                  + "changes the type of "
                  + e.address()
                  + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")")
                  + ": values that do not fit are lost or rejected, and the table is rewritten"
                  + " under a lock.",
              address));
    }
    if (e.rename()) {
      out.add(
          new Finding(
              Severity.WARNING,
              RENAME,
              at
                  + e.kind()
                  + " renames "
                  + e.address()
                  + " to "
                  + e.detail()
                  + ": code that still uses the old name breaks.",
              address));
    }
    if (e.cascade()) {
      out.add(
          new Finding(
              Severity.HIGH,
              CASCADE,
              at + what + " says CASCADE: every object that depends on it is dropped too.",
              address));
    }
    if (e.verb() == Verb.EXEC) {
      out.add(
          new Finding(
              Severity.WARNING,
              OPAQUE,
              at + what + " runs code Countersign cannot see; a person must review it.",
              address));
    }
    return out;
  }

  private static Optional<Finding> deleteFinding(Effect e, String at, String what) {
    SqlObject o = e.object();
    if (o == SqlObject.DATABASE || o == SqlObject.SCHEMA) {
      return Optional.of(
          new Finding(
              Severity.CRITICAL,
              Finding.RECREATE_ENVIRONMENT,
              at
                  + what
                  + " deletes a whole "
                  + o.words().toLowerCase(Locale.ROOT)
                  + " and everything in it.",
              ""));
    }
    if (e.kind().equals("DELETE FROM ... WHERE") || e.kind().startsWith("MERGE")) {
      return Optional.of(
          new Finding(
              Severity.WARNING,
              ROW_DELETE,
              at
                  + "deletes the rows of "
                  + e.address()
                  + " that its condition matches; running the"
                  + " migration again does not bring them back.",
              ""));
    }
    if (o.stateful()) {
      String message =
          switch (e.kind()) {
            case "TRUNCATE" -> "TRUNCATE " + e.address() + " deletes every row of the table.";
            case "DELETE FROM (no WHERE)" ->
                "DELETE FROM " + e.address() + " has no WHERE clause: it deletes every row.";
            default -> what + " destroys the data it holds.";
          };
      return Optional.of(new Finding(Severity.HIGH, DATA_LOSS, at + message, ""));
    }
    return Optional.of(
        new Finding(
            Severity.WARNING,
            DROP_OBJECT,
            at
                + what
                + (e.detail().isEmpty() ? "" : " " + e.detail())
                + " removes it; only its definition can bring it back.",
            ""));
  }

  private static Finding withAddress(Finding f, String address) {
    return new Finding(f.severity(), f.code(), f.message(), address);
  }
}
