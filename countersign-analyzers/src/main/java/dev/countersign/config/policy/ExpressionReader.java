package dev.countersign.config.policy;

import dev.countersign.config.yaml.Origin;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.config.yaml.YamlScalar;
import dev.countersign.policy.RuleExpression;
import dev.countersign.policy.SourcePosition;

/**
 * Turns a YAML scalar holding a CEL expression into a {@link RuleExpression} that knows where its
 * text starts in the file, so a CEL error column lands on the right character.
 *
 * <p>Exact for single-line plain and quoted scalars and for literal block scalars ({@code |});
 * for folded ({@code >}) and multi-line flow scalars, whose line breaks YAML folds into spaces,
 * errors past the first line point at the right line's start only approximately.
 */
final class ExpressionReader {
  private final String[] lines;

  ExpressionReader(String text) {
    this.lines = text.split("\r\n|\n|\r", -1);
  }

  /** The expression in {@code node}, which must be a non-empty scalar. */
  RuleExpression read(YamlNode node) {
    YamlScalar scalar = node.asScalar();
    String text = scalar.requiredString();
    Origin o = scalar.origin();
    if (o.line() < 1 || o.line() > lines.length) {
      return RuleExpression.of(text, new SourcePosition(o.source(), 1, 1));
    }
    String line = lines[o.line() - 1];
    char first = o.column() - 1 < line.length() ? line.charAt(o.column() - 1) : ' ';
    if (!scalar.plain() && (first == '|' || first == '>')) {
      return block(text, o);
    }
    int column = (first == '"' || first == '\'') && !scalar.plain() ? o.column() + 1 : o.column();
    return new RuleExpression(text, new SourcePosition(o.source(), o.line(), column), column);
  }

  private RuleExpression block(String text, Origin o) {
    for (int i = o.line(); i < lines.length; i++) {
      String l = lines[i];
      if (!l.isBlank()) {
        int indent = l.length() - l.stripLeading().length();
        return new RuleExpression(text, new SourcePosition(o.source(), i + 1, indent + 1), indent + 1);
      }
    }
    return RuleExpression.of(text, new SourcePosition(o.source(), o.line(), o.column()));
  }
}
