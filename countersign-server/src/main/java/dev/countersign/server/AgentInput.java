package dev.countersign.server;

import dev.countersign.directory.Grant;
import dev.countersign.directory.OperatorLevel;
import dev.countersign.model.Names;
import dev.countersign.model.Verb;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the fields of the agent-management requests, which arrive as null when absent: each method
 * returns the clean value or throws a 400 {@link ApiException} saying what a valid one looks like.
 */
final class AgentInput {
  /** The longest elevation an agent may ask for. */
  static final Duration MAX_ELEVATION = Duration.ofHours(8);

  private static final int MAX_MODEL = 200;
  private static final int MAX_REASON = 500;
  private static final int MAX_NAMES = 50;

  private AgentInput() {}

  /**
   * A grant as asked for, validated: its names, its verbs in wire form, and the {@link Grant} it
   * would give (never operator-level).
   */
  record RequestedGrant(List<String> environments, List<String> services, List<String> verbs, Grant grant) {}

  /** An id such as an agent's or a sponsor's. */
  static String name(String field, @Nullable String value) {
    if (!Names.valid(value)) {
      throw ApiException.badRequest(field + " is required: letters, digits, '.', '_' or '-', at most 64 characters");
    }
    return value;
  }

  /** An agent's model, stripped. */
  static String model(@Nullable String value) {
    String model = value == null ? "" : value.strip();
    if (model.isEmpty() || model.length() > MAX_MODEL) {
      throw ApiException.badRequest("model is required (at most " + MAX_MODEL + " characters), e.g. anthropic/claude-sonnet-4");
    }
    return model;
  }

  /** Why a grant or an elevation is needed, stripped. */
  static String reason(@Nullable String value) {
    String r = value == null ? "" : value.strip();
    if (r.isEmpty() || r.length() > MAX_REASON) {
      throw ApiException.badRequest("reason is required (at most " + MAX_REASON + " characters): say why the agent needs it");
    }
    return r;
  }

  /** An ISO-8601 instant, such as a grant's expiry. */
  static Instant instant(String field, @Nullable String value) {
    if (value == null) {
      throw ApiException.badRequest(field + " is required: an ISO-8601 instant such as 2026-12-01T00:00:00Z (a grant without expiry is operator-level)");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '" + value + "'");
    }
  }

  /** An elevation's duration: ISO-8601, positive and at most {@link #MAX_ELEVATION}. */
  static Duration elevationDuration(@Nullable String value) {
    if (value == null) {
      throw ApiException.badRequest("duration is required: ISO-8601, e.g. PT2H (at most " + MAX_ELEVATION + ")");
    }
    Duration d;
    try {
      d = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("duration must be ISO-8601 such as PT2H, not '" + value + "'");
    }
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_ELEVATION) > 0) {
      throw ApiException.badRequest("duration must be positive and at most " + MAX_ELEVATION + ", was " + value);
    }
    return d;
  }

  /** The grant asked for, expiring at {@code expires}; refused when it would be operator-level. */
  static RequestedGrant grant(
      @Nullable List<String> environments, @Nullable List<String> services, @Nullable List<String> verbs,
      Instant expires) {
    List<String> envs = names("environments", environments);
    List<String> svcs = names("services", services);
    Set<Verb> set = verbs(verbs);
    Grant grant = new Grant(envs, svcs, set, expires);
    OperatorLevel.check(grant).ifPresent(why -> {
      throw ApiException.badRequest(why);
    });
    return new RequestedGrant(envs, svcs, set.stream().map(Verb::wire).toList(), grant);
  }

  private static Set<Verb> verbs(@Nullable List<String> verbs) {
    if (verbs == null || verbs.isEmpty()) {
      throw ApiException.badRequest("verbs is required: some of create, read, update, delete, replace, noop, exec");
    }
    Set<Verb> set = EnumSet.noneOf(Verb.class);
    for (String v : verbs) {
      try {
        set.add(Verb.fromWire(v == null ? "" : v));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }
    return set;
  }

  private static List<String> names(String field, @Nullable List<String> values) {
    if (values == null || values.isEmpty() || values.size() > MAX_NAMES) {
      throw ApiException.badRequest(field + " is required: 1 to " + MAX_NAMES + " names, or [\"*\"] for every one");
    }
    for (String v : values) {
      if (v == null || !(v.equals(Grant.ANY) || Names.valid(v))) {
        throw ApiException.badRequest(field + " holds '" + v + "': a name is letters, digits, '.', '_' or '-', or \"*\"");
      }
    }
    return values.stream().distinct().toList();
  }
}
