package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code find}: {@code -delete} deletes every match (a recursive delete); {@code -exec}, {@code
 * -execdir}, {@code -ok} run another command on each match, which is analysed in turn. {@code fd
 * -x}/{@code -X} likewise. Otherwise they only read.
 */
final class FindRule {

  private static final Set<String> EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");

  private FindRule() {}

  static Verdict find(Invocation inv, Context ctx) {
    List<Word> args = inv.argWords();
    List<String> roots = new ArrayList<>();
    int i = 0;
    while (i < args.size() && isRoot(args.get(i).text())) {
      roots.add(args.get(i++).text());
    }
    String where = roots.isEmpty() ? "." : String.join(" ", roots);
    Verdict verdict = Verdict.NONE;
    for (; i < args.size(); i++) {
      String a = args.get(i).text();
      if (a.equals("-delete")) {
        verdict =
            verdict.and(
                Verdict.one(
                    Verb.DELETE,
                    "file",
                    where,
                    true,
                    "find -delete deletes every file the expression matches"));
      } else if (EXEC.contains(a)) {
        int end = i + 1;
        while (end < args.size()
            && !args.get(end).text().equals(";")
            && !args.get(end).text().equals("+")) {
          end++;
        }
        verdict = verdict.and(run(args.subList(i + 1, end), where, a, ctx));
        i = end;
      } else if (a.equals("-fprint") || a.equals("-fprintf") || a.equals("-fls")) {
        verdict = verdict.and(Verdict.one(Verb.UPDATE, "file", where, false, "find " + a));
      }
    }
    return verdict.outcomes().isEmpty() ? Verdict.read(inv, "file").and(verdict) : verdict;
  }

  /** {@code fd PATTERN -x CMD} runs CMD on each match. */
  static Verdict fd(Invocation inv, Context ctx) {
    List<Word> args = inv.argWords();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).text();
      if (a.equals("-x") || a.equals("--exec") || a.equals("-X") || a.equals("--exec-batch")) {
        return run(args.subList(i + 1, args.size()), "the files fd finds", a, ctx);
      }
    }
    return Verdict.read(inv, "file");
  }

  private static Verdict run(List<Word> command, String where, String how, Context ctx) {
    if (command.isEmpty()) {
      return Verdict.NONE;
    }
    List<Word> words = new ArrayList<>(command.size());
    for (Word w : command) {
      words.add(w.text().equals("{}") ? Word.literal("(files found under " + where + ")") : w);
    }
    return ctx.invoke(words, " (run by " + how + ")");
  }

  private static boolean isRoot(String a) {
    return !a.startsWith("-") && !a.equals("(") && !a.equals("!") && !a.equals(")");
  }
}
