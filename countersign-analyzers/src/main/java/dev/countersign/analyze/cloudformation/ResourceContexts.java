package dev.countersign.analyze.cloudformation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.json.JsonInput;
import dev.countersign.analyze.json.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource change's {@code BeforeContext} and {@code AfterContext} (present when the change set
 * was created with {@code --include-property-values}): JSON documents encoded as strings, parsed
 * here so that their key order does not move the content hash.
 *
 * <p>The service of the resource comes from its tags in the context after the change (before it,
 * for a removal): the tag keys {@code countersign.dev/service}, then {@code countersign-service},
 * then {@code service}, as for Terraform. Tags may be a list of {@code {Key, Value}} or a map.
 *
 * @param values the parsed contexts by field name; a context that is not valid JSON stays text
 * @param lossyNumbers exact text of numbers in the contexts that a double cannot hold
 */
record ResourceContexts(Map<String, Object> values, List<String> lossyNumbers) {

  private static final List<String> FIELDS = List.of("BeforeContext", "AfterContext");
  private static final List<String> KEYS =
      List.of("countersign.dev/service", "countersign-service", "service");

  /** Parses the contexts present in a resource change. */
  static ResourceContexts of(Map<?, ?> rc, InputLimits limits) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> lossy = new ArrayList<>();
    for (String field : FIELDS) {
      if (rc.get(field) instanceof String text) {
        values.put(field, parse(text, limits, lossy));
      }
    }
    return new ResourceContexts(values, lossy);
  }

  /** The service named by the resource's tags, or empty. */
  String service() {
    String after = fromTags(values.get("AfterContext"));
    return after.isEmpty() ? fromTags(values.get("BeforeContext")) : after;
  }

  private static Object parse(String text, InputLimits limits, List<String> lossy) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (JsonParser p = JsonInput.open(new ByteArrayInputStream(bytes), limits)) {
      if (p.nextToken() == null) {
        return text;
      }
      JsonTree tree = new JsonTree();
      Object value = tree.read(p);
      if (p.nextToken() != null) {
        return text;
      }
      lossy.addAll(tree.lossyNumbers());
      return value;
    } catch (JacksonException | AnalysisException notJson) {
      return text; // still hashed, as text
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fromTags(Object context) {
    if (!(context instanceof Map<?, ?> c) || !(c.get("Properties") instanceof Map<?, ?> props)) {
      return "";
    }
    Object tags = props.get("Tags");
    for (String key : KEYS) {
      String found = tag(tags, key);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return "";
  }

  private static String tag(Object tags, String key) {
    if (tags instanceof Map<?, ?> map && map.get(key) instanceof String s) {
      return s.strip();
    }
    if (tags instanceof List<?> list) {
      for (Object t : list) {
        if (t instanceof Map<?, ?> m
            && key.equals(m.get("Key"))
            && m.get("Value") instanceof String s) {
          return s.strip();
        }
      }
    }
    return "";
  }
}
