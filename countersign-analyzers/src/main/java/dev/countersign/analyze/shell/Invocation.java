package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The program a simple command really runs, once assignments, shell keywords and wrappers are
 * stripped.
 *
 * @param program the program's base name, e.g. {@code rm} for {@code sudo /usr/bin/rm}; empty when
 *     the command only assigns variables
 * @param argWords the words after the program
 * @param args the same, after quote removal
 * @param via the wrappers that were stripped, outermost first, e.g. {@code [sudo, xargs]}
 * @param dynamic whether the program name is only known at run time ({@code $CMD}, {@code $(...)},
 *     a glob): then nothing can be said about what runs
 */
record Invocation(
    String program, List<Word> argWords, List<String> args, List<String> via, boolean dynamic) {

  Invocation {
    argWords = List.copyOf(argWords);
    args = List.copyOf(args);
    via = List.copyOf(via);
  }

  /** An invocation of {@code program} with {@code words} as arguments. */
  static Invocation of(String program, List<Word> words, List<String> via, boolean dynamic) {
    List<String> args = new ArrayList<>(words.size());
    for (Word w : words) {
      args.add(w.text());
    }
    return new Invocation(program, words, args, via, dynamic);
  }

  /** Whether more arguments come from standard input ({@code xargs}). */
  boolean argsFromStdin() {
    return via.contains("xargs");
  }

  /** The command as normalized text, for reasons: {@code rm -rf build}. */
  String display() {
    return args.isEmpty() ? program : program + " " + String.join(" ", args);
  }

  /** Whether any argument equals one of {@code flags}. */
  boolean has(String... flags) {
    for (String a : args) {
      for (String f : flags) {
        if (a.equals(f)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a short option cluster ({@code -rf}) or the long form names this option. */
  boolean hasOption(char shortName, String longName) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.startsWith("--")) {
        if (a.equals(longName) || a.startsWith(longName + "=")) {
          return true;
        }
      } else if (a.length() > 1 && a.charAt(0) == '-' && a.indexOf(shortName) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The arguments that are not options (do not start with '-'), after a {@code --} all of them. */
  List<String> operands() {
    List<String> out = new ArrayList<>(args.size());
    boolean ended = false;
    for (String a : args) {
      if (!ended && a.equals("--")) {
        ended = true;
      } else if (ended || !a.startsWith("-") || a.equals("-")) {
        out.add(a);
      }
    }
    return out;
  }

  /** The note appended to reasons: {@code (as root, via sudo)}. */
  String viaNote() {
    for (String w : via) {
      if (w.equals("sudo") || w.equals("doas") || w.equals("su") || w.equals("runuser")) {
        return " (as another user, via " + w + ")";
      }
    }
    return "";
  }
}
