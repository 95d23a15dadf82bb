package dev.countersign.config.yaml;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A YAML list. */
public record YamlSequence(Origin origin, List<YamlNode> items) implements YamlNode {

  public YamlSequence {
    requireNonNull(origin, "origin");
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }

  /** Every item as a non-empty string, in order. */
  public List<String> strings() {
    return map(item -> item.asScalar().requiredString());
  }

  /** Every item as a mapping, in order. */
  public List<YamlMapping> mappings() {
    return map(YamlNode::asMapping);
  }

  /**
   * Every item converted by {@code reader}, which throws {@link ConfigException} for a bad item.
   */
  public <T> List<T> map(Function<YamlNode, T> reader) {
    List<T> out = new ArrayList<>(items.size());
    for (YamlNode item : items) {
      out.add(reader.apply(item));
    }
    return List.copyOf(out);
  }
}
