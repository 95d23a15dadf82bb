package dev.countersign.config.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

/** Turns snakeyaml-engine's exceptions into {@link ConfigException}s with 1-based positions. */
final class Positions {
  private Positions() {}

  /** A scanner or parser error, at its problem mark. */
  static ConfigException marked(MarkedYamlEngineException e, String source) {
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
    String context = e.getContext();
    String text = "not valid YAML: " + problem + (context == null ? "" : " (" + context + ")");
    Origin origin =
        e.getProblemMark()
            .or(e::getContextMark)
            .map((Mark m) -> new Origin(source, m.getLine() + 1, m.getColumn() + 1, ""))
            .orElseGet(() -> Origin.of(source));
    return new ConfigException(origin, text);
  }

  /** A character the YAML reader refuses (control characters and the like). */
  static ConfigException reader(ReaderException e, String text, String source) {
    int line = 1;
    int column = 1;
    int index = 0;
    for (int cp = 0; cp < e.getPosition() && index < text.length(); cp++) {
      int c = text.codePointAt(index);
      index += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    String problem = String.format("character U+%04X is not allowed in YAML", e.getCodePoint());
    return new ConfigException(new Origin(source, line, column, ""), problem);
  }
}
