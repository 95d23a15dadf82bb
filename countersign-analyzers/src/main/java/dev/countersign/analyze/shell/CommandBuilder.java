package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;

/** Collects one simple command's parts while {@link ShellParser} reads it. */
final class CommandBuilder {
  final String separator;
  final List<Word> words = new ArrayList<>();
  final List<SimpleCommand.Redirect> redirects = new ArrayList<>();
  final List<String> stdin = new ArrayList<>();
  final List<Script> substitutions = new ArrayList<>();
  int offset = -1;
  boolean definesFunction;
  private boolean keywordsOnly = true;

  CommandBuilder(String separator) {
    this.separator = separator;
  }

  boolean isEmpty() {
    return words.isEmpty() && redirects.isEmpty() && substitutions.isEmpty();
  }

  /** Whether no word but shell keywords ({@code if}, {@code then}, {@code !}, ...) came yet. */
  boolean atCommandPosition() {
    return keywordsOnly;
  }

  void add(Word w) {
    words.add(w);
    keywordsOnly = keywordsOnly && w.flags() == 0 && Keywords.isKeyword(w.text());
  }

  SimpleCommand build() {
    return new SimpleCommand(
        words, separator, redirects, stdin, substitutions, Math.max(0, offset), definesFunction);
  }
}
