package dev.countersign.analyze.sql;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.sql.RawStatement.Literal;
import dev.countersign.digest.CanonicalJson;
import dev.countersign.digest.Digests;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns split statements into {@link SqlStatement}s: JSqlParser first, the keyword reading when it
 * cannot; {@code DO} blocks through their body's statements (they run now); the bodies of created
 * routines and triggers only as findings (they run later).
 */
final class StatementAnalyzer {

  static final String UNPARSED = "unparsed-statement";
  static final String DEFERRED = "deferred-destructive";

  private final SqlDialect dialect;
  private final int maxDepth;

  StatementAnalyzer(SqlDialect dialect, int maxDepth) {
    this.dialect = dialect;
    this.maxDepth = maxDepth;
  }

  /** Every statement of a SQL text, in order. */
  List<SqlStatement> statements(String sql) {
    List<SqlStatement> out = new ArrayList<>();
    int ordinal = 0;
    for (RawStatement raw : Splitter.split(sql, dialect, 1)) {
      out.add(analyze(raw, String.valueOf(++ordinal), 0, false));
    }
    return out;
  }

  private SqlStatement analyze(RawStatement s, String position, int depth, boolean procedural) {
    Cursor c = Cursor.of(s, dialect);
    if (dialect == SqlDialect.POSTGRESQL && c.peek().equals("DO")) {
      return doBlock(s, c, position, depth);
    }
    boolean meta = s.code().startsWith("\\");
    Optional<net.sf.jsqlparser.statement.Statement> parsed =
        meta ? Optional.empty() : JSqlParse.parse(s, dialect);
    boolean cascade = c.containsAtDepth("CASCADE");
    List<Effect> effects =
        parsed
            .flatMap(p -> fromTree(p, cascade))
            .orElseGet(() -> KeywordClassifier.classify(s, dialect, procedural));
    List<Finding> findings = new ArrayList<>();
    if (parsed.isEmpty() && !meta) {
      findings.add(
          new Finding(
              Severity.INFO,
              UNPARSED,
              "Line "
                  + s.line()
                  + ": JSqlParser cannot parse this statement; it was classified"
                  + " by its keywords ("
                  + kinds(effects)
                  + ").",
              "line " + s.line()));
    }
    findings.addAll(deferred(s));
    List<SqlEffect> out = new ArrayList<>();
    String hash = contentHash(s, position);
    for (Effect e : effects) {
      if (procedural && e.verb() == Verb.NOOP) {
        continue;
      }
      out.add(effect(e, s.line(), hash));
      findings.addAll(EffectFindings.of(e, s.line()));
    }
    return new SqlStatement(s.line(), s.normalized(), parsed.isPresent(), out, findings);
  }

  /** JSqlParser's trees can lack parts on odd input: any surprise means the keyword reading. */
  private Optional<List<Effect>> fromTree(
      net.sf.jsqlparser.statement.Statement tree, boolean cascade) {
    try {
      return ParsedClassifier.classify(tree, dialect, cascade);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A PostgreSQL DO block runs its body now: its statements are this statement's effects. */
  private SqlStatement doBlock(RawStatement s, Cursor c, String position, int depth) {
    int language = c.indexAtDepth("LANGUAGE");
    String lang = language < 0 ? "PLPGSQL" : c.range(language + 1, c.end()).peek();
    Optional<Literal> body =
        s.literals().stream().filter(l -> l.kind() != Literal.Kind.IDENTIFIER).findFirst();
    List<SqlEffect> effects = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<RawStatement> inner = List.of();
    String why = "";
    if (!lang.equals("PLPGSQL")) {
      why = "a DO block in language " + lang.toLowerCase(Locale.ROOT);
    } else if (body.isEmpty()) {
      why = "a DO block without a readable body";
    } else if (depth >= maxDepth) {
      why = "a DO block nested deeper than " + maxDepth + " levels";
    } else {
      try {
        String text = body.get().content(s.code());
        if (body.get().kind() == Literal.Kind.STRING) {
          text = text.replace("''", "'");
        }
        inner = Procedural.statements(text, s.lineAt(body.get().start()), dialect);
      } catch (AnalysisException e) {
        why = "a DO block whose body cannot be split (" + e.getMessage() + ")";
      }
    }
    if (!why.isEmpty()) {
      Effect opaque = Effect.exec("DO", SqlObject.STATEMENT, "");
      effects.add(effect(opaque, s.line(), contentHash(s, position)));
      findings.addAll(EffectFindings.of(opaque, s.line()));
    }
    int n = 0;
    for (RawStatement r : inner) {
      SqlStatement st = analyze(r, position + "." + (++n), depth + 1, true);
      effects.addAll(st.effects());
      findings.addAll(st.findings());
    }
    return new SqlStatement(s.line(), s.normalized(), false, effects, findings);
  }

  /** Destructive statements in the body of a routine or trigger being created: findings only. */
  private List<Finding> deferred(RawStatement s) {
    Optional<RoutineBodies.Body> body = RoutineBodies.of(s, dialect);
    if (body.isEmpty()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    List<RawStatement> inner;
    try {
      inner = Procedural.statements(body.get().text(), body.get().line(), dialect);
    } catch (AnalysisException e) {
      return List.of();
    }
    for (RawStatement r : inner) {
      for (Effect e : KeywordClassifier.classify(r, dialect, true)) {
        if (e.destructive()) {
          String what = (e.kind() + " " + e.address()).strip();
          out.add(
              new Finding(
                  Severity.WARNING,
                  DEFERRED,
                  "Line "
                      + r.line()
                      + ": the body of "
                      + body.get().owner()
                      + " would "
                      + what
                      + " each time it runs; it does not run during this change.",
                  (e.address().isEmpty() ? "" : e.address() + " ") + "(line " + r.line() + ")"));
        }
      }
    }
    return out;
  }

  private static SqlEffect effect(Effect e, int line, String hash) {
    boolean stateful = e.verb() != Verb.EXEC && e.object().stateful();
    String reason =
        "line " + line + ": " + e.kind() + (e.detail().isEmpty() ? "" : " " + e.detail());
    Action action =
        new Action(e.verb(), e.object().resourceType(), e.address(), "", stateful, reason, hash);
    return new SqlEffect(line, e.kind(), e.destructive(), action);
  }

  /** What the statement does, without its layout, and where it stands among the statements. */
  private static String contentHash(RawStatement s, String position) {
    return Digests.sha256Hex(
        CanonicalJson.write(Map.of("position", position, "statement", s.normalized())));
  }

  private static String kinds(List<Effect> effects) {
    return String.join(", ", effects.stream().map(Effect::kind).distinct().toList());
  }
}
