package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strips what stands before the real program: variable assignments ({@code FOO=1}), shell keywords
 * ({@code if}, {@code then}, {@code !}, {@code {}, ...), wrappers that run their arguments as a
 * command ({@code sudo}, {@code doas}, {@code env}, {@code nice}, {@code nohup}, {@code timeout},
 * {@code time}, {@code stdbuf}, {@code xargs}, {@code busybox}, {@code su -c}, {@code watch}, ...)
 * with their options, and the directory of an absolute or relative program path. Wrappers that
 * take a command string ({@code su -c}, {@code watch}, {@code flock -c}) become {@code sh -c}.
 */
final class Wrappers {

  private static final Set<String> NAMES =
      Names.of(
          "sudo doas env nice ionice chrt taskset nohup setsid unbuffer stdbuf timeout "
              + "time command exec builtin xargs busybox toybox flock chroot su runuser strace "
              + "ltrace npx bunx watch script caffeinate");

  private Wrappers() {}

  /** The invocation of a command's words; at most {@code maxSteps} wrappers are stripped. */
  static Invocation unwrap(List<Word> words, int maxSteps, int offset) {
    List<Word> rest = words;
    List<String> via = new ArrayList<>(2);
    boolean atStart = true;
    boolean assignments = true;
    while (!rest.isEmpty()) {
      Word w = rest.getFirst();
      List<Word> tail = rest.subList(1, rest.size());
      if (atStart && w.flags() == 0 && Keywords.isKeyword(w.text())) {
        rest = tail;
      } else if (assignments && isAssignment(w)) {
        rest = tail;
      } else if (w.dynamic()) {
        return Invocation.of(w.text(), tail, via, true);
      } else {
        String name = baseName(w.text());
        Optional<List<Word>> inner =
            NAMES.contains(name) ? step(name, rest) : Optional.<List<Word>>empty();
        if (inner.isEmpty()) {
          return Invocation.of(name, tail, via, false);
        }
        via.add(name);
        if (via.size() > maxSteps) {
          throw new ShellSyntaxError(
              Problem.TOO_DEEP, "more than " + maxSteps + " wrappers around one command", offset);
        }
        rest = inner.get();
        atStart = false;
        assignments = name.equals("env") || name.equals("sudo") || name.equals("doas");
      }
    }
    return Invocation.of("", List.of(), via, false);
  }

  /** The wrapped command's words, or empty when the wrapper runs no command. */
  private static Optional<List<Word>> step(String name, List<Word> w) {
    return switch (name) {
      case "sudo" -> after(w, Opts.skip(w, 1, "ugCDhprtUT", Set.of("--user", "--group")), "lv");
      case "doas" -> after(w, Opts.skip(w, 1, "uC", Set.of()), "");
      case "env" -> EnvWrapper.command(w);
      case "nice" -> after(w, Opts.skip(w, 1, "n", Set.of("--adjustment")), "");
      case "ionice" -> after(w, Opts.skip(w, 1, "cnP", Set.of("--class")), "pPu");
      case "stdbuf" -> after(w, Opts.skip(w, 1, "ioe", Set.of()), "");
      case "time" -> after(w, Opts.skip(w, 1, "of", Set.of("--output", "--format")), "");
      case "exec" -> after(w, Opts.skip(w, 1, "a", Set.of()), "");
      case "command" -> after(w, Opts.skip(w, 1, "", Set.of()), "vV");
      case "strace", "ltrace" -> after(w, Opts.skip(w, 1, "oepsuESIbXa", Set.of()), "p");
      case "setsid", "nohup", "builtin", "unbuffer" -> after(w, Opts.skip(w, 1, "", Set.of()), "");
      case "busybox", "toybox" -> from(w, 1);
      case "timeout" ->
          skipOne(w, Opts.skip(w, 1, "sk", Set.of("--signal", "--kill-after")).next());
      case "chroot" -> skipOne(w, Opts.skip(w, 1, "", Set.of("--userspec", "--groups")).next());
      case "taskset" -> taskset(w);
      case "chrt" -> skipOne(w, Opts.skip(w, 1, "", Set.of()).next());
      case "xargs" -> xargs(w);
      case "npx", "bunx" -> EnvWrapper.npx(w);
      case "su", "runuser" -> EnvWrapper.su(w);
      case "flock" -> EnvWrapper.flock(w);
      case "watch" -> EnvWrapper.watch(w);
      case "script" -> EnvWrapper.script(w);
      case "caffeinate" -> after(w, Opts.skip(w, 1, "tw", Set.of()), "");
      default -> Optional.empty();
    };
  }

  /** The words after the options, unless a flag in {@code noCommandFlags} was given. */
  private static Optional<List<Word>> after(List<Word> w, Opts opts, String noCommandFlags) {
    for (int i = 0; i < noCommandFlags.length(); i++) {
      if (opts.saw(noCommandFlags.charAt(i))) {
        return Optional.empty();
      }
    }
    return from(w, opts.next());
  }

  static Optional<List<Word>> from(List<Word> w, int i) {
    return i < w.size() && !w.get(i).text().startsWith("-")
        ? Optional.of(w.subList(i, w.size()))
        : Optional.empty();
  }

  /** The words after one operand (a duration, a directory, a priority). */
  private static Optional<List<Word>> skipOne(List<Word> w, int i) {
    return from(w, i + 1);
  }

  private static Optional<List<Word>> taskset(List<Word> w) {
    Opts opts = Opts.skip(w, 1, "", Set.of());
    return opts.saw('p') ? Optional.empty() : skipOne(w, opts.next());
  }

  private static Optional<List<Word>> xargs(List<Word> w) {
    Opts opts =
        Opts.skip(
            w,
            1,
            "ILnPsdEa",
            Set.of("--arg-file", "--delimiter", "--max-args", "--max-procs", "--eof"));
    return opts.next() < w.size()
        ? Optional.of(w.subList(opts.next(), w.size()))
        : Optional.of(List.of(Word.literal("echo")));
  }

  /** Whether a word assigns a shell variable: {@code NAME=value}, {@code a[1]+=x}, unquoted. */
  static boolean isAssignment(Word w) {
    String raw = w.raw();
    if (raw.isEmpty() || !(Character.isLetter(raw.charAt(0)) || raw.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '=' || (c == '+' && i + 1 < raw.length() && raw.charAt(i + 1) == '=')) {
        return true;
      }
      if (c == '[') {
        int close = raw.indexOf(']', i);
        return close > 0 && close + 1 < raw.length() && "=+".indexOf(raw.charAt(close + 1)) >= 0;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return false;
  }

  /** {@code /usr/bin/rm} and {@code ./rm} are {@code rm}. */
  static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash >= 0 && slash < program.length() - 1 ? program.substring(slash + 1) : program;
  }
}
