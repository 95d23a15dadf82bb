package dev.countersign.config.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Builds {@link YamlNode}s from snakeyaml-engine parser events, checking the limits as events
 * arrive: nesting depth, alias count, expanded node count; and refusing tags, non-string keys,
 * duplicate keys and aliases to anchors that are not complete (recursion).
 */
final class EventComposer {
  private static final String BOMB = "; refusing what looks like an alias bomb (billion laughs)";

  private final String source;
  private final YamlLimits limits;
  private final Iterator<Event> events;
  private final Map<String, Sized> anchors = new HashMap<>();
  private int aliases;
  private long nodes;

  EventComposer(String source, YamlLimits limits, Iterator<Event> events) {
    this.source = source;
    this.limits = limits;
    this.events = events;
  }

  /** A node and its size once every alias in it is expanded. */
  private record Sized(YamlNode node, long size) {}

  /** Every document in the stream, in order. */
  List<YamlNode> documents() {
    List<YamlNode> documents = new ArrayList<>();
    expect(next(), Event.ID.StreamStart);
    for (Event event = next(); event.getEventId() != Event.ID.StreamEnd; event = next()) {
      expect(event, Event.ID.DocumentStart);
      anchors.clear();
      Sized root = compose(next(), "", 1);
      nodes += root.size();
      checkNodes(root.node().origin());
      documents.add(root.node());
      expect(next(), Event.ID.DocumentEnd);
    }
    return List.copyOf(documents);
  }

  private Sized compose(Event event, String path, int depth) {
    Origin origin = origin(event, path);
    if (event instanceof AliasEvent alias) {
      return alias(alias, origin);
    }
    refuseTag(event, origin);
    Sized sized =
        switch (event.getEventId()) {
          case Scalar -> {
            ScalarEvent s = (ScalarEvent) event;
            yield new Sized(new YamlScalar(origin, s.getValue(), s.isPlain()), 1);
          }
          case SequenceStart -> sequence(origin, depth);
          case MappingStart -> mapping(origin, depth);
          default ->
              throw new ConfigException(origin, "unexpected YAML event " + event.getEventId());
        };
    ((NodeEvent) event).getAnchor().ifPresent(a -> anchors.put(a.getValue(), sized));
    return sized;
  }

  private Sized sequence(Origin origin, int depth) {
    checkDepth(origin, depth);
    List<YamlNode> items = new ArrayList<>();
    long size = 1;
    for (Event e = next(); e.getEventId() != Event.ID.SequenceEnd; e = next()) {
      Sized item = compose(e, origin.itemPath(items.size()), depth + 1);
      items.add(item.node());
      size = grow(size, item, origin);
    }
    return new Sized(new YamlSequence(origin, items), size);
  }

  private Sized mapping(Origin origin, int depth) {
    checkDepth(origin, depth);
    Map<String, YamlNode> values = new LinkedHashMap<>();
    Map<String, Origin> keys = new LinkedHashMap<>();
    long size = 1;
    for (Event e = next(); e.getEventId() != Event.ID.MappingEnd; e = next()) {
      String key = key(e, origin);
      Origin keyOrigin = origin(e, origin.childPath(key));
      Origin first = keys.putIfAbsent(key, keyOrigin);
      if (first != null) {
        throw new ConfigException(
            keyOrigin,
            "duplicate key "
                + ConfigException.quote(key)
                + " (first at line "
                + first.line()
                + ")");
      }
      Sized value = compose(next(), origin.childPath(key), depth + 1);
      values.put(key, value.node());
      size = grow(size, value, origin);
    }
    return new Sized(new YamlMapping(origin, values, keys), size);
  }

  private String key(Event event, Origin mapping) {
    if (!(event instanceof ScalarEvent s)) {
      throw new ConfigException(
          origin(event, mapping.path()), "mapping keys must be plain strings");
    }
    refuseTag(event, origin(event, mapping.path()));
    if (s.isPlain() && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
      throw new ConfigException(origin(event, mapping.path()), "a mapping key is empty");
    }
    return s.getValue();
  }

  private Sized alias(AliasEvent alias, Origin origin) {
    aliases++;
    if (aliases > limits.maxAliases()) {
      throw new ConfigException(origin, "more than " + limits.maxAliases() + " aliases" + BOMB);
    }
    String name = alias.getAlias().getValue();
    Sized target = anchors.get(name);
    if (target == null) {
      throw new ConfigException(
          origin, "alias '*" + name + "' refers to no complete anchor '&" + name + "' above it");
    }
    return target;
  }

  private long grow(long size, Sized child, Origin origin) {
    long grown = size + child.size();
    if (nodes + grown > limits.maxNodes()) {
      nodes += grown;
      checkNodes(origin);
    }
    return grown;
  }

  private void checkNodes(Origin origin) {
    if (nodes > limits.maxNodes()) {
      String what = "more than " + limits.maxNodes() + " nodes";
      throw new ConfigException(
          origin, aliases > 0 ? "aliases expand to " + what + BOMB : "the document has " + what);
    }
  }

  private void checkDepth(Origin origin, int depth) {
    if (depth > limits.maxDepth()) {
      throw new ConfigException(
          origin, "lists and mappings are nested deeper than " + limits.maxDepth() + " levels");
    }
  }

  private static void refuseTag(Event event, Origin origin) {
    Optional<String> tag =
        event instanceof ScalarEvent s
            ? s.getTag()
            : event instanceof CollectionStartEvent c ? c.getTag() : Optional.empty();
    if (tag.isPresent()) {
      throw new ConfigException(origin, "YAML tags such as '" + tag.get() + "' are not allowed");
    }
  }

  private Event next() {
    if (!events.hasNext()) {
      throw ConfigException.about(source, "the YAML stream ended early");
    }
    return events.next();
  }

  private void expect(Event event, Event.ID id) {
    if (event.getEventId() != id) {
      throw new ConfigException(origin(event, ""), "unexpected YAML event " + event.getEventId());
    }
  }

  private Origin origin(Event event, String path) {
    Optional<Mark> mark = event.getStartMark();
    return mark.map(m -> new Origin(source, m.getLine() + 1, m.getColumn() + 1, path))
        .orElseGet(() -> Origin.of(source).withPath(path));
  }
}
