package dev.countersign.analyze.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that looks destructive but is not, and destructive text that hides. */
class SqlTrapsTest {

  @Test
  void keywordsInCommentsAndStrings_doNotCount() {
    List<SqlStatement> s =
        Sql.pg(
            "-- DROP TABLE a;\n/* TRUNCATE b; /* nested */ DELETE FROM c; */\n"
                + "SELECT 'DROP TABLE d; -- x', \"DROP TABLE e\", $$DELETE FROM f$$ FROM t;");
    assertThat(Sql.effects(s)).isEqualTo("SELECT read sql-rows");
  }

  @Test
  void semicolonInsideAString_doesNotSplit() {
    assertThat(Sql.pg("INSERT INTO t VALUES ('a; DROP TABLE users'); SELECT 1")).hasSize(2);
    assertThat(Sql.my("INSERT INTO t VALUES ('it\\'s; DROP TABLE users'); SELECT 1"))
        .hasSize(2)
        .flatMap(SqlStatement::effects)
        .noneMatch(SqlEffect::destructive);
  }

  @Test
  void hashComment_isACommentInMysqlOnly() {
    assertThat(Sql.effects(Sql.my("# DROP TABLE a\nSELECT 1"))).isEqualTo("SELECT read sql-rows");
    assertThat(Sql.my("SELECT 1 -- x\n")).hasSize(1);
  }

  @Test
  void mysqlExecutableComment_runs() {
    assertThat(Sql.effects(Sql.my("/*!50001 DROP TABLE IF EXISTS v */;")))
        .isEqualTo("DROP TABLE delete sql-table v");
  }

  @Test
  void dropInsideAFunctionBody_isADeferredWarningNotAnAction() {
    List<SqlStatement> s =
        Sql.pg(
            "CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $body$\n"
                + "BEGIN\n"
                + "  DROP TABLE audit;\n"
                + "END $body$;");
    assertThat(Sql.effects(s)).isEqualTo("CREATE FUNCTION create sql-function purge");
    assertThat(Sql.findings(s))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("deferred-destructive");
              assertThat(f.severity()).hasToString("WARNING");
              assertThat(f.message())
                  .startsWith("Line 3: the body of function purge would DROP TABLE audit");
            });
  }

  @Test
  void dropInsideADoBlock_runsNowAndIsAnAction() {
    List<SqlStatement> s =
        Sql.pg("DO $$\nBEGIN\n  IF true THEN\n    DROP TABLE audit;\n  END IF;\nEND $$;");
    assertThat(s).singleElement().satisfies(st -> assertThat(st.line()).isEqualTo(1));
    assertThat(s.get(0).effects())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.kind()).isEqualTo("DROP TABLE");
              assertThat(e.action().dataLoss()).isTrue();
            });
  }

  @Test
  void mysqlProcedureWithDelimiter_isOneStatementWithDeferredFindings() {
    List<SqlStatement> s =
        Sql.my(
            "DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  DELETE FROM t;\n  SELECT 1;\nEND //\n"
                + "DELIMITER ;\nDROP TABLE x;");
    assertThat(Sql.effects(s))
        .isEqualTo("CREATE PROCEDURE create sql-procedure p; DROP TABLE delete sql-table x");
    assertThat(Sql.codes(s)).contains("deferred-destructive");
    assertThat(s.get(1).line()).isEqualTo(8);
  }

  @Test
  void mysqlProcedureWithoutDelimiter_keepsItsBodyTogether() {
    List<SqlStatement> s =
        Sql.my("CREATE PROCEDURE p() BEGIN IF 1 THEN DELETE FROM t; END IF; END; SELECT 1;");
    assertThat(Sql.effects(s))
        .isEqualTo("CREATE PROCEDURE create sql-procedure p; SELECT read sql-rows");
  }

  @Test
  void unclosedBlock_cannotHideTheStatementsAfterIt() {
    List<SqlStatement> s = Sql.my("CREATE PROCEDURE p() BEGIN SELECT 1; DROP TABLE users;");
    assertThat(Sql.effects(s)).contains("DROP TABLE delete sql-table users");
    assertThat(Sql.effects(Sql.pg("SELECT (1; DROP TABLE users;")))
        .contains("DROP TABLE delete sql-table users");
  }

  @Test
  void missingClosingDelimiter_cannotHideTheStatementsAfterIt() {
    assertThat(Sql.effects(Sql.my("DELIMITER $$\nSELECT 1; DROP TABLE users;")))
        .contains("DROP TABLE delete sql-table users");
  }

  @Test
  void copyData_isNotSql() {
    List<SqlStatement> s = Sql.pg("COPY t FROM stdin;\nDROP TABLE x;\n1\t2\n\\.\nSELECT 1;");
    assertThat(Sql.effects(s)).isEqualTo("COPY FROM create sql-rows t; SELECT read sql-rows");
    assertThat(s.get(1).line()).isEqualTo(5);
  }

  @Test
  void escapeStringsAndDollarTags_areRespected() {
    assertThat(Sql.pg("SELECT E'it\\'s; DROP TABLE a'; SELECT $x$ $$; DROP TABLE b $x$;"))
        .hasSize(2)
        .flatMap(SqlStatement::effects)
        .noneMatch(SqlEffect::destructive);
  }

  @Test
  void dynamicSqlInADoBlock_isOpaque() {
    List<SqlStatement> s = Sql.pg("DO $$ BEGIN EXECUTE 'DROP TABLE ' || t; END $$;");
    assertThat(Sql.effects(s)).isEqualTo("DYNAMIC SQL exec sql-statement");
    assertThat(Sql.codes(s)).contains("opaque");
  }

  @Test
  void droppedDatabaseAndSchema_recreateTheEnvironment() {
    for (String sql : new String[] {"DROP DATABASE prod;", "DROP SCHEMA public CASCADE;"}) {
      assertThat(SqlAnalysis.analyze(sql, SqlDialect.POSTGRESQL).recreateEnvironment())
          .as(sql)
          .isTrue();
    }
  }

  @Test
  void everyFinding_namesItsLine() {
    List<SqlStatement> s = Sql.pg("SELECT 1;\n\nDROP TABLE a CASCADE;\nUPDATE b SET c = 1;");
    assertThat(Sql.findings(s))
        .extracting(Finding::message, Finding::address)
        .allSatisfy(
            t -> {
              assertThat((String) t.toList().get(0)).matches("Line \\d+: .*");
              assertThat((String) t.toList().get(1)).contains("(line ");
            });
    assertThat(Sql.codes(s)).containsExactly("data-loss", "cascade", "update-without-where");
  }

  @Test
  void unterminatedString_isMalformedWithItsPosition() {
    AnalysisException e =
        catchThrowableOfType(AnalysisException.class, () -> Sql.pg("SELECT 1;\nSELECT 'oops;\n"));
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).hasValue(2);
    assertThat(e.column()).hasValue(8);
  }

  @Test
  void statementJSqlParserCannotParse_isClassifiedByKeywordsWithAnInfoFinding() {
    List<SqlStatement> s = Sql.pg("DROP TYPE IF EXISTS mood CASCADE;");
    assertThat(s.get(0).parsed()).isFalse();
    assertThat(Sql.effects(s)).isEqualTo("DROP TYPE delete sql-type mood");
    assertThat(Sql.codes(s)).contains("unparsed-statement");
  }
}
