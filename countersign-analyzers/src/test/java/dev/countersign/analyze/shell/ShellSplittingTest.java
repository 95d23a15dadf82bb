package dev.countersign.analyze.shell;

import static dev.countersign.analyze.shell.Shell.actions;
import static dev.countersign.analyze.shell.Shell.analyze;
import static dev.countersign.analyze.shell.Shell.digest;
import static dev.countersign.analyze.shell.Shell.only;
import static dev.countersign.analyze.shell.Shell.verbs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a command line splits into simple commands, and the traps that must not split or flag. */
class ShellSplittingTest {

  @Test
  void compoundCommand_splitsOnEveryOperator() {
    assertThat(
            actions(
                "ls; rm -rf a && git status || terraform plan | grep x & kubectl get pods\n"
                    + "ls |& cat"))
        .hasSize(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo \"rm -rf /\"",
        "echo 'terraform destroy'",
        "grep -r 'DROP TABLE' .",
        "echo \"a; rm -rf /\"",
        "echo a\\; rm -rf /",
        "printf '%s && kubectl delete ns prod' x",
        "ls # ; rm -rf /",
        "git log --grep='push --force'"
      })
  void destructiveTextInsideQuotesEscapesOrComments_isNotDestructive(String command) {
    assertThat(analyze(command).destructive()).as(command).isFalse();
    assertThat(actions(command)).as(command).hasSize(1);
  }

  @Test
  void quotedSemicolon_doesNotSplit() {
    assertThat(only("echo 'a;b' \"c;d\"").address()).isEqualTo("echo a;b c;d");
  }

  @Test
  void sudoAssignmentsAndAbsolutePath_areStripped() {
    var action = only("FOO=1 BAR='x y' sudo -u root /usr/bin/rm -rf /var/lib/app");
    assertThat(action.verb()).isEqualTo(Verb.DELETE);
    assertThat(action.address()).isEqualTo("/var/lib/app");
    assertThat(action.reason()).contains("sudo");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "env FOO=1 rm -rf build",
        "nohup rm -rf build",
        "timeout -s KILL 10 rm -rf build",
        "nice -n 5 rm -rf build",
        "\\rm -rf build",
        "'rm' -rf build",
        "command rm -rf build",
        "time rm -rf build",
        "if true; then rm -rf build; fi",
        "(cd /srv && rm -rf build)",
        "{ rm -rf build; }",
        "! rm -rf build"
      })
  void wrappersKeywordsAndGroups_doNotHideTheCommand(String command) {
    assertThat(actions(command))
        .as(command)
        .anySatisfy(
            a -> {
              assertThat(a.verb()).isEqualTo(Verb.DELETE);
              assertThat(a.address()).isEqualTo("build");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo $(rm -rf /data)",
        "echo `rm -rf /data`",
        "X=\"$(rm -rf /data)\"",
        "bash -c 'rm -rf /data'",
        "sh -ec \"rm -rf /data\"",
        "eval rm -rf /data",
        "ssh -i key.pem prod 'rm -rf /data'",
        "bash <<EOF\nrm -rf /data\nEOF",
        "diff <(rm -rf /data) b"
      })
  void whatSubstitutionsAndNestedShellsRun_isAnalysedToo(String command) {
    assertThat(actions(command))
        .as(command)
        .anySatisfy(
            a -> {
              assertThat(a.verb()).isEqualTo(Verb.DELETE);
              assertThat(a.address()).isEqualTo("/data");
            });
  }

  // Changed with the hardened analyser: `> file` is now an update of the file (it truncates and
  // rewrites it), where the first analyser reported an opaque exec.
  @Test
  void hereDocumentBody_isNotParsedAsCommands() {
    assertThat(verbs("cat <<'EOF' > notes.txt\nrm -rf /\nEOF\nls"))
        .containsExactly(Verb.UPDATE, Verb.READ);
  }

  // Changed: curl only reads now; the shell reading the pipe is exec with the `opaque` finding
  // (the first analyser's `shell-reads-stdin` code is replaced by the one code policies match).
  @Test
  void pipeIntoAShell_isOpaque() {
    var analysis = analyze("curl -s https://example.com/install.sh | sh");
    assertThat(analysis.actions()).extracting(a -> a.verb()).containsExactly(Verb.READ, Verb.EXEC);
    assertThat(analysis.hasFinding(ShellCommands.OPAQUE)).isTrue();
    assertThat(analysis.destructive()).isFalse();
  }

  // Changed: a reader writing a file is an update of that file, not an exec.
  @Test
  void readerWritingAFile_isAnUpdateOfTheFile() {
    var action = only("echo hi > /etc/motd");
    assertThat(action.verb()).isEqualTo(Verb.UPDATE);
    assertThat(action.address()).isEqualTo("/etc/motd");
    assertThat(only("ls 2>/dev/null").verb()).isEqualTo(Verb.READ);
    assertThat(only("ls 2>&1").verb()).isEqualTo(Verb.READ);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\n", "# only a comment", ";", " ; ; "})
  void emptyCommand_isAnAnalysisException(String command) {
    AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> analyze(command));
    assertThat(e.problem()).isEqualTo(Problem.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo 'unterminated",
        "echo \"unterminated",
        "echo $(rm -rf /",
        "echo `ls",
        "cat >"
      })
  void brokenQuotingOrSubstitution_isMalformedWithAPosition(String command) {
    AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> analyze(command));
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).hasValue(1);
    assertThat(e.column()).isPresent();
  }

  @Test
  void deeplyNestedSubstitutions_areTooDeep() {
    String command = "echo " + "$(echo ".repeat(200) + "x" + ")".repeat(200);
    assertThat(catchThrowableOfType(AnalysisException.class, () -> analyze(command)).problem())
        .isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void whitespaceAndComments_doNotChangeTheDigest() {
    assertThat(digest("rm  -rf build &&   ls   # tidy")).isEqualTo(digest("rm -rf build && ls"));
    assertThat(digest("rm -rf build\nls")).isEqualTo(digest("rm -rf build; ls"));
  }

  @Test
  void orderOperatorsPrivilegeAndEnvironment_changeTheDigest() {
    String base = digest("cd /srv && rm -rf build");
    assertThat(digest("rm -rf build && cd /srv")).isNotEqualTo(base);
    assertThat(digest("cd /srv || rm -rf build")).isNotEqualTo(base);
    assertThat(digest("cd /srv && sudo rm -rf build")).isNotEqualTo(base);
    assertThat(digest("KUBECONFIG=prod kubectl delete pod x"))
        .isNotEqualTo(digest("KUBECONFIG=dev kubectl delete pod x"));
    assertThat(digest("rm -rf '$HOME'")).isNotEqualTo(digest("rm -rf \"$HOME\""));
  }

  @Test
  void everyActionHasAContentHash() {
    assertThat(actions("ls; rm -rf x; psql -c 'DROP TABLE a, b'"))
        .allSatisfy(a -> assertThat(a.contentHash()).matches("[0-9a-f]{64}"));
  }
}
