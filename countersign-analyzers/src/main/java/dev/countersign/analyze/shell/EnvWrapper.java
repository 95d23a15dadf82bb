package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The wrappers whose command needs more than skipping options: {@code env -S}, {@code npx PKG},
 * {@code su -c}, {@code runuser}, {@code flock -c} and {@code watch} (which hands its words to a
 * shell as one string).
 */
final class EnvWrapper {

  private EnvWrapper() {}

  /** {@code env [-i] [-u NAME] [-C DIR] [-S STRING] [NAME=VALUE]... [COMMAND...]}. */
  static Optional<List<Word>> command(List<Word> w) {
    int i = 1;
    while (i < w.size()) {
      String a = w.get(i).text();
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.equals("-S") || a.equals("--split-string")) {
        return i + 1 < w.size() ? split(w.get(i + 1).text(), w, i + 2) : Optional.empty();
      }
      if (a.startsWith("--split-string=") || (a.startsWith("-S") && a.length() > 2)) {
        return split(a.substring(a.startsWith("-S") ? 2 : "--split-string=".length()), w, i + 1);
      }
      if (a.length() < 2 || a.charAt(0) != '-') {
        break;
      }
      boolean takesValue = Set.of("-u", "--unset", "-C", "--chdir").contains(a);
      i += takesValue ? 2 : 1;
    }
    return i < w.size() ? Optional.of(w.subList(i, w.size())) : Optional.empty();
  }

  /** {@code env -S 'rm -rf x'} splits the string into words before the remaining ones. */
  private static Optional<List<Word>> split(String string, List<Word> w, int rest) {
    List<Word> words = new ArrayList<>();
    for (String part : string.strip().split("[ \t\n]+")) {
      if (!part.isEmpty()) {
        words.add(new Word(part, part, part.contains("$") ? Word.EXPANDS : 0));
      }
    }
    words.addAll(w.subList(Math.min(rest, w.size()), w.size()));
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }

  /**
   * {@code npx [-y] [-p PKG] PKG[@VERSION] ARGS} runs the package's program; {@code -c} a string.
   */
  static Optional<List<Word>> npx(List<Word> w) {
    Opts opts = Opts.skip(w, 1, "pc", Set.of("--package", "--call"));
    for (int i = 1; i < opts.next(); i++) {
      String a = w.get(i).text();
      if ((a.equals("-c") || a.equals("--call")) && i + 1 < w.size()) {
        return Optional.of(shell(w.get(i + 1)));
      }
    }
    if (opts.next() >= w.size()) {
      return Optional.empty();
    }
    String pkg = Wrappers.baseName(w.get(opts.next()).text());
    int at = pkg.indexOf('@', 1);
    List<Word> words = new ArrayList<>();
    words.add(Word.literal(at > 0 ? pkg.substring(0, at) : pkg));
    words.addAll(w.subList(opts.next() + 1, w.size()));
    return Optional.of(words);
  }

  /** {@code su [-] [USER] -c CMD} and {@code runuser -u USER -- CMD}; without a command, none. */
  static Optional<List<Word>> su(List<Word> w) {
    for (int i = 1; i < w.size(); i++) {
      String a = w.get(i).text();
      if ((a.equals("-c") || a.equals("--command")) && i + 1 < w.size()) {
        return Optional.of(shell(w.get(i + 1)));
      }
      if (a.startsWith("--command=")) {
        String s = a.substring("--command=".length());
        return Optional.of(shell(new Word(s, s, w.get(i).flags())));
      }
      if ((a.equals("-u") || a.equals("--user")) && w.getFirst().text().endsWith("runuser")) {
        Opts opts = Opts.skip(w, 1, "ugGsw", Set.of("--user", "--group", "--shell"));
        return Wrappers.from(w, opts.next());
      }
    }
    return Optional.empty();
  }

  /** {@code flock [opts] FILE CMD...} or {@code flock [opts] FILE -c CMD}. */
  static Optional<List<Word>> flock(List<Word> w) {
    int lock = Opts.skip(w, 1, "Ew", Set.of("--timeout", "--wait", "--conflict-exit-code")).next();
    int i = lock + 1;
    if (i + 1 < w.size() && (w.get(i).text().equals("-c") || w.get(i).text().equals("--command"))) {
      return Optional.of(shell(w.get(i + 1)));
    }
    return Wrappers.from(w, i);
  }

  /** {@code watch [-n SECS] CMD...} runs its words joined as a shell string (argv with -x). */
  static Optional<List<Word>> watch(List<Word> w) {
    Opts opts = Opts.skip(w, 1, "nq", Set.of("--interval", "--equexit"));
    if (opts.saw('x') || opts.saw("--exec")) {
      return Wrappers.from(w, opts.next());
    }
    if (opts.next() >= w.size()) {
      return Optional.empty();
    }
    StringBuilder joined = new StringBuilder();
    int flags = 0;
    for (Word word : w.subList(opts.next(), w.size())) {
      joined.append(joined.isEmpty() ? "" : " ").append(word.text());
      flags |= word.flags() & Word.EXPANDS;
    }
    String s = joined.toString();
    return Optional.of(shell(new Word(s, s, flags)));
  }

  /**
   * {@code script [-q] -c CMD [FILE]} runs CMD in a shell; without {@code -c}, an interactive one.
   */
  static Optional<List<Word>> script(List<Word> w) {
    for (int i = 1; i < w.size(); i++) {
      String a = w.get(i).text();
      if ((a.equals("--command") || a.matches("-[a-zA-Z]*c")) && i + 1 < w.size()) {
        return Optional.of(shell(w.get(i + 1)));
      }
      if (a.startsWith("--command=")) {
        String s = a.substring("--command=".length());
        return Optional.of(shell(new Word(s, s, w.get(i).flags())));
      }
    }
    return Optional.empty();
  }

  /** The words of {@code sh -c STRING}. */
  static List<Word> shell(Word string) {
    return List.of(Word.literal("sh"), Word.literal("-c"), string);
  }
}
