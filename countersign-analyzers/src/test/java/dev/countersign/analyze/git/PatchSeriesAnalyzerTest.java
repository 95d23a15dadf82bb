package dev.countersign.analyze.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Verb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patch series made by the real {@code git format-patch --stdout} from a real repository, analysed
 * as bytes and compared with {@link GitRangeAnalyzer} on the same range.
 */
class PatchSeriesAnalyzerTest {

  private static final String MIA = "Mia Park <mia@example.com>";
  private static final String CLAUDE = "Co-Authored-By: Claude <noreply@anthropic.com>";

  @TempDir Path tmp;
  private TestRepo repo;
  private String base;
  private String head;
  private final PatchSeriesAnalyzer analyzer = new PatchSeriesAnalyzer();

  @BeforeEach
  void buildHistory() {
    repo = new TestRepo(tmp.resolve("repo"));
    base =
        repo.write("app/main.txt", "one\ntwo\nthree\n")
            .write("app/old.txt", "old\n")
            .write("docs/readme.md", "a\nb\nc\nd\ne\nf\ng\nh\n")
            .write("docs/guide.md", "guide\n")
            .commit(MIA, "initial");
    repo.write("app/main.txt", "one\n2\nthree\nfour\n").commit(MIA, "edit main by hand");
    repo.git("rm", "-q", "app/old.txt");
    repo.write("app/new.txt", "new\n").commit(MIA, "replace old with new\n\n" + CLAUDE);
    repo.git("mv", "docs/readme.md", "docs/README.md");
    repo.write("docs/README.md", "a\nb\nc\nd\ne\nf\ng\nH\n")
        .commit(MIA, "rename readme\n\nAssisted-by: Codex:gpt-5-codex");
    repo.write("assets/logo.bin", "\u0000\u0001\u0002PNG\u0000binary\u0000")
        .commit(MIA, "add a binary logo\n\nIt is not text.\n\n" + CLAUDE);
    repo.git("mv", "docs/guide.md", "docs/moved guide.md");
    head =
        repo.write("docs/café notes.md", "notes\n")
            .commit(
                "Zoë Ångström <zoe@example.com>",
                "Résumé: a long subject with accents that git will fold and encode for the"
                    + " mail headers");
    repo.git("notes", "--ref=ai", "add", "-m", "{\"agent\":\"cursor\",\"model\":\"x\"}", head);
  }

  private byte[] formatPatch(String... options) {
    List<String> args =
        new java.util.ArrayList<>(List.of("format-patch", "--stdout", "--notes=ai"));
    args.addAll(List.of(options));
    args.add(base + ".." + head);
    return repo.git(args.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
  }

  private Analysis rangeAnalysis() {
    return GitRangeAnalyzer.analyze(repo.dir(), firstCommit() + "^.." + head, InputLimits.defaults());
  }

  private String firstCommit() {
    return repo.git("rev-list", "--reverse", base + ".." + head).lines().findFirst().orElseThrow();
  }

  @Test
  void fullIndexSeries_equalsTheRangeAnalysis() {
    Analysis patch = analyzer.analyze(formatPatch("--full-index"), InputLimits.defaults());
    Analysis range = rangeAnalysis();
    assertThat(patch.kind()).isEqualTo(ChangeKind.GIT);
    // A pure rename (100% similar) has no index line, so no blob ids: its hash alone differs.
    String pureRename = "docs/moved guide.md";
    assertThat(patch.actions())
        .filteredOn(a -> !a.address().equals(pureRename))
        .containsExactlyInAnyOrderElementsOf(
            range.actions().stream().filter(a -> !a.address().equals(pureRename)).toList());
    assertThat(patch.actions())
        .filteredOn(a -> a.address().equals(pureRename))
        .extracting(Action::verb, Action::reason)
        .containsExactly(Tuple.tuple(Verb.UPDATE, "renamed from docs/guide.md (+0 -0)"));
    assertThat(patch.findings()).isEqualTo(range.findings());
    assertThat(patch.actions())
        .extracting(Action::verb, Action::address)
        .containsExactlyInAnyOrder(
            Tuple.tuple(Verb.UPDATE, "app/main.txt"),
            Tuple.tuple(Verb.DELETE, "app/old.txt"),
            Tuple.tuple(Verb.CREATE, "app/new.txt"),
            Tuple.tuple(Verb.UPDATE, "docs/README.md"),
            Tuple.tuple(Verb.UPDATE, "docs/moved guide.md"),
            Tuple.tuple(Verb.CREATE, "assets/logo.bin"),
            Tuple.tuple(Verb.CREATE, "docs/café notes.md"));
    assertThat(patch.findings())
        .filteredOn(f -> f.code().equals(GitRangeAnalyzer.AI_ASSISTED))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("4 of the 5 commits"));
  }

  @Test
  void defaultSeries_hasTheSameFilesAndProvenance() {
    GitRange patch =
        analyzer.read(new java.io.ByteArrayInputStream(formatPatch()), InputLimits.defaults());
    GitRange range =
        GitRangeAnalyzer.read(
            repo.dir(),
            firstCommit() + "^.." + head,
            InputLimits.defaults(),
            GitRangeAnalyzer.DEFAULT_TIMEOUT);
    assertThat(patch.files())
        .extracting(
            GitFileChange::path,
            GitFileChange::previousPath,
            GitFileChange::status,
            GitFileChange::linesAdded,
            GitFileChange::linesRemoved,
            GitFileChange::binary)
        .containsExactlyInAnyOrderElementsOf(
            range.files().stream()
                .map(
                    f ->
                        Tuple.tuple(
                            f.path(),
                            f.previousPath(),
                            f.status(),
                            f.linesAdded(),
                            f.linesRemoved(),
                            f.binary()))
                .toList());
    assertThat(patch.commits())
        .extracting(
            GitCommit::sha,
            GitCommit::author,
            GitCommit::subject,
            GitCommit::aiAssisted,
            GitCommit::tool,
            GitCommit::evidence)
        .containsExactlyElementsOf(
            range.commits().stream()
                .map(
                    c ->
                        Tuple.tuple(
                            c.sha(), c.author(), c.subject(), c.aiAssisted(), c.tool(),
                            c.evidence()))
                .toList());
    assertThat(patch.commits().get(0).author()).isEqualTo("Zoë Ångström <zoe@example.com>");
    assertThat(patch.commits().get(0).tool()).isEqualTo("cursor"); // from the refs/notes/ai note
  }

  @Test
  void filesTouchedSeveralTimes_areComposedAsOneChange() {
    String from = head;
    repo.write("tmp/scratch.txt", "x\n").write("lib/a.txt", "a\n").commit(MIA, "add scratch");
    repo.git("rm", "-q", "tmp/scratch.txt");
    repo.write("lib/a.txt", "a\nb\n").commit(MIA, "drop scratch");
    repo.git("rm", "-q", "app/new.txt");
    repo.write("app/main.txt", "changed\n").commit(MIA, "more");
    String to = repo.git("rev-parse", "HEAD").strip();
    byte[] bytes =
        repo.git("format-patch", "--stdout", "--full-index", from + ".." + to)
            .getBytes(StandardCharsets.UTF_8);
    Analysis patch = analyzer.analyze(bytes, InputLimits.defaults());
    Analysis range = GitRangeAnalyzer.analyze(repo.dir(), from + ".." + to, InputLimits.defaults());
    assertThat(patch.actions())
        .extracting(Action::verb, Action::address, Action::contentHash)
        .containsExactlyInAnyOrderElementsOf(
            range.actions().stream()
                .map(a -> Tuple.tuple(a.verb(), a.address(), a.contentHash()))
                .toList());
  }

  @Test
  void agentAuthor_isEvidence() {
    String from = head;
    String to =
        repo.write("app/copilot.txt", "x\n")
            .commit("Copilot <198982749+Copilot@users.noreply.github.com>", "add file");
    byte[] bytes =
        repo.git("format-patch", "--stdout", from + ".." + to).getBytes(StandardCharsets.UTF_8);
    GitRange r = analyzer.read(new java.io.ByteArrayInputStream(bytes), InputLimits.defaults());
    assertThat(r.commits())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.tool()).isEqualTo("copilot");
              assertThat(c.committer()).isEmpty();
            });
  }

  @Test
  void coverLetterAndByteOrderMark_changeNothing() {
    Analysis plain = analyzer.analyze(formatPatch(), InputLimits.defaults());
    Analysis cover = analyzer.analyze(formatPatch("--cover-letter"), InputLimits.defaults());
    assertThat(cover).isEqualTo(plain);
    byte[] bytes = formatPatch();
    byte[] bom = new byte[bytes.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, bom, 3, bytes.length);
    assertThat(analyzer.analyze(bom, InputLimits.defaults())).isEqualTo(plain);
  }

  @Test
  void kindDetection_findsASeries() {
    byte[] bytes = formatPatch();
    Analyzers analyzers = Analyzers.standard();
    assertThat(analyzers.detect(bytes)).isEqualTo(ChangeKind.GIT);
    assertThat(analyzers.analyze(bytes, InputLimits.defaults()).findings())
        .extracting(Finding::code)
        .contains(GitRangeAnalyzer.AI_ASSISTED);
  }

  @Test
  void limits_areEnforced() {
    byte[] bytes = formatPatch();
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () -> new PatchSeriesAnalyzer(2, 100).analyze(bytes, InputLimits.defaults()))
                .problem())
        .isEqualTo(Problem.TOO_LARGE);
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () -> new PatchSeriesAnalyzer(100, 3).analyze(bytes, InputLimits.defaults()))
                .problem())
        .isEqualTo(Problem.TOO_LARGE);
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () ->
                        analyzer.analyze(
                            new java.io.ByteArrayInputStream(bytes),
                            InputLimits.defaults().withMaxBytes(100)))
                .problem())
        .isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void emptyAndForeignInput_areTypedErrors() {
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () -> analyzer.analyze(new byte[0], InputLimits.defaults()))
                .problem())
        .isEqualTo(Problem.EMPTY);
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () -> analyzer.analyze("\n \n".getBytes(StandardCharsets.UTF_8),
                        InputLimits.defaults()))
                .problem())
        .isEqualTo(Problem.EMPTY);
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () ->
                        analyzer.analyze(
                            "diff --git a/x b/x\n".getBytes(StandardCharsets.UTF_8),
                            InputLimits.defaults()))
                .problem())
        .isEqualTo(Problem.INVALID_STRUCTURE);
  }

  @Test
  void handWrittenSeries_withLongHostileLines_isReadInLinearTime() {
    String spaces = " ".repeat(1 << 20);
    String series =
        "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n"
            + "From: Mia"
            + spaces
            + "Park\n"
            + "Subject: ["
            + "PATCH".repeat(100_000)
            + "\n\n"
            + "a:"
            + spaces
            + "\nAssisted-by: Claude"
            + spaces
            + "x\n"
            + "Co-Authored-By: x"
            + spaces
            + "<noreply@anthropic.com>\n"
            + "---\n"
            + " x | 1 +\n\n"
            + "diff --git \"a/sp ace\\\"q\" \"b/sp ace\\\"q\"\n"
            + "new file mode 100644\n"
            + "index 0000000..587be6b\n"
            + "--- /dev/null\n"
            + "+++ \"b/sp ace\\\"q\"\n"
            + "@@ -0,0 +1 @@\n"
            + "+x\n"
            + "-- \n2.39.5\n";
    GitRange r =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20),
            () ->
                analyzer.read(
                    new java.io.ByteArrayInputStream(series.getBytes(StandardCharsets.UTF_8)),
                    InputLimits.defaults()));
    assertThat(r.commits()).singleElement().satisfies(c -> assertThat(c.tool()).isEqualTo("claude-code"));
    assertThat(r.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("sp ace\"q");
              assertThat(f.status()).isEqualTo(GitFileChange.Status.ADDED);
              assertThat(f.linesAdded()).isEqualTo(1);
            });
  }

  private static final String[] TOKENS = {
    "diff --git ",
    "diff --git \"a/\\303\" b/x\n",
    "@@ -1,999999999 +1 @@\n",
    "@@ -0,0 +1,3 @@",
    "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n",
    "rename from ",
    "rename to \"\\",
    "copy from x\n",
    "new file mode 100644\n",
    "deleted file mode 100644\n",
    "GIT binary patch\n",
    "index 0000..\n",
    "--- /dev/null\n",
    "+++ b/\"\n",
    "Subject: =?UTF-8?b?$$$?= =?x-nope?q?=C3=?=\n",
    "From: \"\\\" <\n",
    "\n---\n",
    "\n-- \n",
    "\\ No newline at end of file\n",
    "\u0000",
    "\r",
    "\"",
  };

  @Test
  void randomMutations_giveAnAnalysisOrATypedError() {
    byte[] original = formatPatch("--full-index");
    long seed = System.nanoTime();
    System.out.println("PatchSeriesAnalyzerTest seed " + seed);
    Random random = new Random(seed);
    PatchSeriesAnalyzer small = new PatchSeriesAnalyzer(50, 500);
    for (int run = 0; run < 3000; run++) {
      byte[] mutated = mutate(original, random);
      try {
        Analysis a = small.analyze(mutated, InputLimits.defaults().withMaxBytes(1 << 20));
        assertThat(a.kind()).as("seed %d run %d", seed, run).isEqualTo(ChangeKind.GIT);
      } catch (AnalysisException expected) {
        assertThat(expected.problem()).as("seed %d run %d", seed, run).isNotNull();
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " run " + run + ": " + e, e);
      }
    }
  }

  private static byte[] mutate(byte[] in, Random random) {
    byte[] b = in;
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (random.nextInt(5)) {
        case 0 -> {
          b = b.clone();
          b[at] = (byte) random.nextInt(256);
          continue;
        }
        case 1 -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(200));
          out.write(b, 0, at);
          out.write(b, at + len, b.length - at - len);
        }
        case 2 -> {
          byte[] t = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
          out.write(b, 0, at);
          out.write(t, 0, t.length);
          out.write(b, at, b.length - at);
        }
        case 3 -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(400));
          out.write(b, 0, at + len);
          out.write(b, at, b.length - at);
        }
        default -> out.write(b, 0, at);
      }
      b = out.toByteArray();
    }
    return b;
  }
}
