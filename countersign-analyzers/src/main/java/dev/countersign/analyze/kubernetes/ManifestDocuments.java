package dev.countersign.analyze.kubernetes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.json.JsonInput;
import dev.countersign.analyze.json.JsonTree;
import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.config.yaml.YamlLimits;
import dev.countersign.config.yaml.YamlNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded text into documents: one JSON value when the text starts with {@code {} or
 * {@code [}, otherwise the documents of a YAML stream, read with {@link SafeYaml}'s bounds.
 */
final class ManifestDocuments {

  /** The largest input read, in bytes: manifests are held in memory whole. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /** Alias uses allowed in one input; manifests rarely use any. */
  static final int MAX_ALIASES = 100;

  /** Nodes allowed once aliases are expanded, which stops alias bombs. */
  static final int MAX_NODES = 1_000_000;

  private ManifestDocuments() {}

  /** The documents of the text, in order. */
  static List<Document> parse(String text, InputLimits limits) {
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start == text.length()) {
      throw AnalysisException.of(Problem.EMPTY, "the manifest is empty");
    }
    char first = text.charAt(start);
    return first == '{' || first == '[' ? json(text, limits) : yaml(text, limits);
  }

  private static List<Document> json(String text, InputLimits limits) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // The size was checked on the raw input; re-encoding UTF-16 as UTF-8 may grow it.
    InputLimits reread = limits.withMaxBytes(Math.max(limits.maxBytes(), bytes.length));
    JsonParser p = JsonInput.open(new ByteArrayInputStream(bytes), reread);
    try (p) {
      p.nextToken();
      long line = p.currentTokenLocation().getLineNr();
      JsonTree tree = new JsonTree();
      Object value = tree.read(p);
      if (p.nextToken() != null) {
        throw JsonInput.structure(p, "unexpected content after the end of the JSON document");
      }
      return List.of(new Document(1, line, value, tree.lossyNumbers()));
    } catch (JacksonException e) {
      throw JsonInput.translate(e, p, reread);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Document> yaml(String text, InputLimits limits) {
    YamlLimits bounds =
        new YamlLimits(
            (int) Math.min(limits.maxBytes(), MAX_BYTES),
            Math.min(limits.maxDepth(), YamlLimits.DEPTH_CEILING),
            MAX_ALIASES,
            MAX_NODES);
    List<YamlNode> nodes;
    try {
      nodes = SafeYaml.withLimits(bounds).parseAll(text, "manifest");
    } catch (ConfigException e) {
      throw YamlErrors.translate(e);
    }
    List<Document> documents = new ArrayList<>(nodes.size());
    for (YamlNode node : nodes) {
      YamlValues values = new YamlValues();
      Object value = values.plain(node);
      documents.add(
          new Document(documents.size() + 1, node.origin().line(), value, values.exactNumbers()));
    }
    return documents;
  }
}
