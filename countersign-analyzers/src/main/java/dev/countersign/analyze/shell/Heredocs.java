package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Here-documents ({@code <<EOF}, {@code <<-EOF}, quoted delimiters) and here-strings ({@code <<<}):
 * their text becomes the owning command's standard input. In a body whose delimiter is unquoted,
 * {@code $(...)} and backticks run, so they are parsed as the owner's substitutions.
 */
final class Heredocs {

  private final WordReader reader;
  private final List<Pending> pending = new ArrayList<>();

  Heredocs(WordReader reader) {
    this.reader = reader;
  }

  /** Notes a redirection to a here-document or here-string. */
  void redirect(String operator, Word target, CommandBuilder owner) {
    switch (operator) {
      case "<<", "<<-" ->
          pending.add(
              new Pending(
                  owner,
                  target.text(),
                  operator.equals("<<-"),
                  (target.flags() & Word.QUOTED) != 0));
      case "<<<" -> owner.stdin.add(target.text() + "\n");
      default -> {}
    }
  }

  /** Reads the bodies of the here-documents opened on the line just ended, in order. */
  void readBodies() {
    for (int i = 0; i < pending.size(); i++) {
      read(pending.get(i));
    }
    pending.clear();
  }

  private void read(Pending heredoc) {
    String text = reader.text;
    int bodyStart = reader.pos;
    StringBuilder body = new StringBuilder();
    while (reader.pos < text.length()) {
      int end = text.indexOf('\n', reader.pos);
      int lineEnd = end < 0 ? text.length() : end;
      int from = reader.pos;
      if (heredoc.stripTabs()) {
        while (from < lineEnd && text.charAt(from) == '\t') {
          from++;
        }
      }
      int to = lineEnd > from && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
      reader.pos = end < 0 ? text.length() : end + 1;
      if (text.regionMatches(from, heredoc.delimiter(), 0, heredoc.delimiter().length())
          && to - from == heredoc.delimiter().length()) {
        break;
      }
      body.append(text, from, lineEnd).append('\n');
    }
    if (!heredoc.quoted()) {
      substitutions(bodyStart, reader.pos, heredoc.owner());
    }
    heredoc.owner().stdin.add(body.toString());
  }

  /** Parses the {@code $(...)} and backticks of an unquoted body as commands that run. */
  private void substitutions(int from, int to, CommandBuilder owner) {
    String text = reader.text;
    int after = reader.pos;
    CommandBuilder saved = reader.current;
    reader.current = owner;
    try {
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '$' && text.startsWith("$(", i) && !text.startsWith("$((", i)) {
          owner.substitutions.add(reader.substitution(i + 2));
          i = reader.pos;
        } else if (c == '`') {
          int close = Substitutions.closingBacktick(text, i, reader.shift);
          String inner = Substitutions.unescapeBackticks(text.substring(i + 1, close));
          owner.substitutions.add(reader.nested(inner, reader.shift + i + 1));
          i = close;
        }
      }
    } finally {
      reader.current = saved;
      reader.pos = after;
    }
  }

  private record Pending(
      CommandBuilder owner, String delimiter, boolean stripTabs, boolean quoted) {}
}
