package dev.countersign.analyze.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.git.GitFileChange.Status;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Verb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commit ranges of a real repository, built with the real git in a temporary folder. */
class GitRangeAnalyzerTest {

  private static final String MIA = "Mia Park <mia@example.com>";

  @TempDir Path tmp;
  private TestRepo repo;
  private String base;
  private String human;
  private String claude;
  private String renamed;
  private String copilot;
  private String noted;

  @BeforeEach
  void buildHistory() {
    repo = new TestRepo(tmp.resolve("repo"));
    base =
        repo.write("app/main.txt", "one\ntwo\nthree\n")
            .write("app/old.txt", "old\n")
            .write("docs/readme.md", "hello\n")
            .commit(MIA, "initial");
    human = repo.write("app/main.txt", "one\n2\nthree\nfour\n").commit(MIA, "edit main by hand");
    repo.git("rm", "-q", "app/old.txt");
    claude =
        repo.write("app/new.txt", "new\n")
            .commit(
                MIA,
                "replace old with new\n\nCo-Authored-By: Claude Opus 5.5 <noreply@anthropic.com>");
    repo.git("mv", "docs/readme.md", "docs/README.md");
    renamed = repo.commit(MIA, "rename readme\n\nAssisted-by: Codex:gpt-5-codex");
    copilot =
        repo.write("app/copilot.txt", "x\n")
            .commit("Copilot <198982749+Copilot@users.noreply.github.com>", "add file");
    noted = repo.write("app/main.txt", "one\n").commit(MIA, "trim main");
    repo.git("notes", "--ref=ai", "add", "-m", "{\"agent\":\"cursor\",\"model\":\"x\"}", noted);
  }

  private GitRange read(String range) {
    return GitRangeAnalyzer.read(
        repo.dir(), range, InputLimits.defaults(), GitRangeAnalyzer.DEFAULT_TIMEOUT);
  }

  @Test
  void commits_areListedNewestFirstWithTheirProvenance() {
    GitRange r = read(base + "..HEAD");
    assertThat(r.commits())
        .extracting(GitCommit::sha)
        .containsExactly(noted, copilot, renamed, claude, human);
    assertThat(r.commits())
        .extracting(GitCommit::aiAssisted, GitCommit::tool)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(true, "cursor"),
            org.assertj.core.groups.Tuple.tuple(true, "copilot"),
            org.assertj.core.groups.Tuple.tuple(true, "codex"),
            org.assertj.core.groups.Tuple.tuple(true, "claude-code"),
            org.assertj.core.groups.Tuple.tuple(false, ""));
    assertThat(r.aiAssisted()).isTrue();
    assertThat(r.tools()).containsExactly("cursor", "copilot", "codex", "claude-code");
  }

  @Test
  void humanOnlyRange_isNotAiAssisted() {
    GitRange r = read(base + ".." + human);
    assertThat(r.aiAssisted()).isFalse();
    Analysis a = GitRangeAnalyzer.analysis(r);
    assertThat(a.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(GitRangeAnalyzer.AI_PROVENANCE);
              assertThat(f.message()).contains("Mia Park").contains("no AI marker");
              assertThat(f.address()).isEqualTo(human);
            });
  }

  @Test
  void files_areActionsFromTheMergeBase() {
    Analysis a = GitRangeAnalyzer.analyze(repo.dir(), base + "..HEAD", InputLimits.defaults());
    assertThat(a.kind()).isEqualTo(ChangeKind.GIT);
    assertThat(a.actions())
        .extracting(Action::verb, Action::address)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Verb.UPDATE, "app/main.txt"),
            org.assertj.core.groups.Tuple.tuple(Verb.DELETE, "app/old.txt"),
            org.assertj.core.groups.Tuple.tuple(Verb.CREATE, "app/new.txt"),
            org.assertj.core.groups.Tuple.tuple(Verb.UPDATE, "docs/README.md"),
            org.assertj.core.groups.Tuple.tuple(Verb.CREATE, "app/copilot.txt"));
    assertThat(a.actions()).allSatisfy(act -> assertThat(act.resourceType()).isEqualTo("file"));
    assertThat(a.dataLoss()).isFalse();
    assertThat(a.findings()).extracting(Finding::code).contains(GitRangeAnalyzer.AI_ASSISTED);
  }

  @Test
  void renamesAndLines_areCounted() {
    GitRange r = read(base + "..HEAD");
    assertThat(r.files())
        .filteredOn(f -> f.status() == Status.RENAMED)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("docs/README.md");
              assertThat(f.previousPath()).isEqualTo("docs/readme.md");
            });
    GitFileChange main =
        r.files().stream().filter(f -> f.path().equals("app/main.txt")).findFirst().orElseThrow();
    assertThat(main.linesRemoved()).isEqualTo(2);
    assertThat(r.linesAdded()).isEqualTo(2);
    assertThat(r.linesRemoved()).isEqualTo(3);
  }

  @Test
  void sameRangeTwice_hasTheSameActions() {
    Analysis a = GitRangeAnalyzer.analyze(repo.dir(), base + "..HEAD", InputLimits.defaults());
    Analysis b = GitRangeAnalyzer.analyze(repo.dir(), base + "..HEAD", InputLimits.defaults());
    assertThat(a.actions()).isEqualTo(b.actions());
  }

  @Test
  void branchNamesAndSymmetricRanges_work() {
    repo.git("branch", "feature", human);
    assertThat(read("feature..main").commits()).hasSize(4);
    GitRange symmetric = read("feature...main");
    assertThat(symmetric.commits()).hasSize(4);
    assertThat(symmetric.base()).isEqualTo(human);
    assertThat(read("HEAD~2..").commits())
        .extracting(GitCommit::sha)
        .containsExactly(noted, copilot);
  }

  @Test
  void unknownRevision_isAnErrorNamingTheRange() {
    AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> read("main..nope"));
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("main..nope").contains("'nope'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--upload-pack=touch /tmp/pwned",
        "-x..HEAD",
        "HEAD..--output=/tmp/x",
        "main",
        "a b..c",
        "main..HEAD;rm -rf /",
        "$(id)..HEAD",
        "main....HEAD",
        "..",
        "main..HEAD\n",
        "`id`..HEAD",
        "main..HEAD:path"
      })
  void unsafeOrMalformedRange_isRefusedBeforeGitRuns(String range) {
    AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> read(range));
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.getMessage()).contains("is not a commit range");
  }

  @Test
  void folderThatIsNotARepository_isAClearError() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    AnalysisException e =
        catchThrowableOfType(
            AnalysisException.class,
            () -> GitRangeAnalyzer.analyze(plain, "HEAD~1..HEAD", InputLimits.defaults()));
    assertThat(e.problem()).isEqualTo(Problem.UNRECOGNIZED);
    assertThat(e.getMessage()).contains("is not a git repository");
    AnalysisException missing =
        catchThrowableOfType(
            AnalysisException.class,
            () -> GitRangeAnalyzer.analyze(tmp.resolve("none"), "a..b", InputLimits.defaults()));
    assertThat(missing.getMessage()).contains("is not a directory");
  }

  @Test
  void outputLimit_isEnforced() {
    AnalysisException e =
        catchThrowableOfType(
            AnalysisException.class,
            () ->
                GitRangeAnalyzer.analyze(
                    repo.dir(), base + "..HEAD", InputLimits.defaults().withMaxBytes(64)));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
  }
}
