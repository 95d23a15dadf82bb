package dev.countersign.analyze.shell;

import static dev.countersign.analyze.shell.Shell.actions;
import static dev.countersign.analyze.shell.Shell.analyze;
import static dev.countersign.analyze.shell.Shell.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tokenizer: quoting, expansions, here-documents, redirections and compound commands. */
class ShellParserTest {

  private static List<SimpleCommand> parse(String text) {
    return ShellParser.parse(text, new Bounds(64, text.length(), 16), 0, 0).commands();
  }

  private static Invocation invocation(String text) {
    return Wrappers.unwrap(parse(text).getFirst().words(), 64, 0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\rm -rf x",
        "'rm' -rf x",
        "\"rm\" -rf x",
        "r\"\"m -rf x",
        "r\\m -rf x",
        "/bin/r''m -rf x",
        "$'\\x72\\x6d' -rf x",
        "$'\\162\\155' -rf x",
        "\"r\"'m' -rf x",
        "r\\\nm -rf x",
        "./rm -rf x",
        "/usr/bin/../bin/rm -rf x"
      })
  void quotedEscapedOrPathQualifiedNames_resolveToTheProgram(String command) {
    Invocation inv = invocation(command);
    assertThat(inv.program()).as(command).isEqualTo("rm");
    assertThat(inv.dynamic()).isFalse();
    assertThat(inv.args()).containsExactly("-rf", "x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$a -rf x",
        "$(echo rm) -rf x",
        "`echo rm` -rf x",
        "${CMD} -rf x",
        "/bin/r[m] -rf x",
        "r{m,} -rf x",
        "r* -rf x",
        "\"$TOOL\" -rf x",
        "rm${IFS}-rf x"
      })
  void namesKnownOnlyAtRunTime_areDynamic(String command) {
    assertThat(invocation(command).dynamic()).as(command).isTrue();
  }

  @Test
  void singleQuotes_keepEverythingLiteral() {
    assertThat(invocation("echo '$(rm -rf x) `y` \\n'").args())
        .containsExactly("$(rm -rf x) `y` \\n");
    assertThat(parse("echo '$(rm -rf x)'").getFirst().substitutions()).isEmpty();
  }

  @Test
  void substitutionsInsideDoubleQuotes_areParsed() {
    SimpleCommand cmd = parse("echo \"a $(rm -rf x) b `ls`\"").getFirst();
    assertThat(cmd.substitutions()).hasSize(2);
    assertThat(cmd.words()).hasSize(2);
  }

  @Test
  void commitMessageFromAHereDocumentInASubstitution_parses() {
    String command =
        "git commit -m \"$(cat <<'EOF'\nFix: don't crash (really)\n\nBody \"quoted\"\nEOF\n)\"";
    List<SimpleCommand> commands = parse(command);
    assertThat(commands).hasSize(1);
    assertThat(commands.getFirst().substitutions().getFirst().commands().getFirst().stdin())
        .containsExactly("Fix: don't crash (really)\n\nBody \"quoted\"\n");
  }

  @Test
  void hereDocumentWithDash_stripsLeadingTabs() {
    assertThat(parse("cat <<-EOF\n\t\tline\n\tEOF\nls").getFirst().stdin())
        .containsExactly("line\n");
  }

  @Test
  void hereDocumentWithUnquotedDelimiter_runsItsSubstitutions() {
    assertThat(analyze("cat <<EOF\n$(rm -rf /srv)\nEOF").destructive()).isTrue();
    assertThat(analyze("cat <<'EOF'\n$(rm -rf /srv)\nEOF").destructive()).isFalse();
    assertThat(analyze("cat <<\\EOF\n`rm -rf /srv`\nEOF").destructive()).isFalse();
  }

  @Test
  void twoHereDocumentsOnOneLine_goToTheirOwnCommands() {
    List<SimpleCommand> commands = parse("cat <<A; cat <<B\na\nA\nb\nB\n");
    assertThat(commands)
        .extracting(SimpleCommand::stdin)
        .containsExactly(List.of("a\n"), List.of("b\n"));
  }

  @Test
  void hereString_isStandardInput() {
    assertThat(parse("psql <<< 'SELECT 1'").getFirst().stdin()).containsExactly("SELECT 1\n");
  }

  @Test
  void redirections_areNotWords() {
    SimpleCommand cmd = parse("cmd a 2>&1 >out.log 2>err <in &>both >|forced").getFirst();
    assertThat(cmd.words()).extracting(Word::text).containsExactly("cmd", "a");
    assertThat(cmd.redirects())
        .extracting(SimpleCommand.Redirect::target)
        .containsExactly("1", "out.log", "err", "in", "both", "forced");
    assertThat(cmd.redirects()).filteredOn(SimpleCommand.Redirect::writesFile).hasSize(4);
  }

  @Test
  void assignmentsAndArrays_comeBeforeTheProgram() {
    assertThat(invocation("FOO=1 BAR='a b' arr=(x y z) n+=1 make deploy").program())
        .isEqualTo("make");
    assertThat(invocation("'FOO=1' make").program()).isEqualTo("FOO=1");
  }

  @Test
  void everyOperator_separatesCommands() {
    assertThat(parse("a; b && c || d | e |& f & g\nh ;; i")).hasSize(9);
  }

  @Test
  void caseStatement_patternsAreNotCommands() {
    assertThat(actions("case \"$1\" in start|restart) echo go;; (stop) rm -rf x;; *) ls;; esac"))
        .extracting(Action::address)
        .containsExactly("case $1 in", "echo go", "x", "ls");
  }

  @Test
  void doubleBracketTest_operatorsDoNotSplit() {
    assertThat(actions("[[ -f a && ( -d b || -L c ) ]] && ls")).hasSize(2);
  }

  @Test
  void functionBody_isAnalysedAndItsCall_isANoop() {
    assertThat(actions("cleanup() { rm -rf \"$1\"; }; cleanup /srv"))
        .extracting(Action::verb)
        .containsExactly(Verb.DELETE, Verb.NOOP);
  }

  @Test
  void arithmetic_isNotACommand() {
    assertThat(actions("(( i += 1 )); echo $(( i * 2 ))"))
        .extracting(Action::verb)
        .containsExactly(Verb.NOOP, Verb.READ);
  }

  @Test
  void processSubstitution_isAnalysed() {
    assertThat(analyze("diff <(ls a) >(rm -rf /data)").dataLoss()).isTrue();
  }

  @Test
  void unterminatedQuoteOnTheSecondLine_pointsAtIt() {
    AnalysisException e =
        catchThrowableOfType(AnalysisException.class, () -> analyze("ls\necho 'oops"));
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).hasValue(2);
    assertThat(e.column()).hasValue(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo ${x", "echo $'abc", "cat <", "echo $((1 + 2)"})
  void brokenExpansionOrRedirection_isMalformedWithAPosition(String command) {
    AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> analyze(command));
    assertThat(e.problem()).as(command).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).isPresent();
  }

  @Test
  void brokenScriptInsideBashC_pointsAtTheCommandThatRunsIt() {
    AnalysisException e =
        catchThrowableOfType(
            AnalysisException.class, () -> analyze("ls\n  bash -c \"echo 'oops\""));
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).hasValue(2);
    assertThat(e.column()).hasValue(3);
    assertThat(e.getMessage()).contains("unterminated single quote");
  }

  @Test
  void deeplyNestedShells_areTooDeep() {
    String nested = "eval ".repeat(80) + "ls";
    assertThat(catchThrowableOfType(AnalysisException.class, () -> analyze(nested)).problem())
        .isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void tooManyWrappers_areTooDeep() {
    String command = "sudo ".repeat(100) + "rm -rf x";
    assertThat(catchThrowableOfType(AnalysisException.class, () -> analyze(command)).problem())
        .isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void lineContinuation_joinsTheWords() {
    assertThat(only("rm -rf \\\n  /srv/app").address()).isEqualTo("/srv/app");
  }
}
