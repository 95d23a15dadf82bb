package dev.countersign.policy;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of the CEL inputs, declared as struct types so that a misspelt field
 * ({@code change.enviroment}) is a compile error with a position, not a runtime surprise.
 *
 * <p>At run time the values are plain maps with every declared key present ({@link Activation}).
 */
final class CelSchema {
  private static final CelType STRING = SimpleType.STRING;
  private static final CelType BOOL = SimpleType.BOOL;
  private static final CelType INT = SimpleType.INT;
  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  static final StructType FINDING =
      struct("Finding", Map.of("code", STRING, "severity", STRING, "message", STRING, "address", STRING));
  static final StructType ACTION =
      struct(
          "Action",
          Map.of("verb", STRING, "resourceType", STRING, "address", STRING, "service", STRING, "stateful", BOOL));
  static final StructType SERVICE =
      struct(
          "ServiceImpact",
          Map.of("id", STRING, "owner", STRING, "tier", INT, "customerFacing", BOOL, "direct", BOOL));
  static final StructType BLAST_RADIUS =
      struct(
          "BlastRadius",
          Map.of(
              "services", ListType.create(SERVICE),
              "owners", STRINGS,
              "touchedOwners", STRINGS,
              "tier1Count", INT,
              "customerFacingCount", INT,
              "score", INT));
  static final StructType CHANGE =
      struct(
          "Change",
          Map.of(
              "id", STRING, "kind", STRING, "environment", STRING, "services", STRINGS,
              "aiAssisted", BOOL, "byAgent", BOOL, "title", STRING, "digest", STRING));
  static final StructType ANALYSIS = analysisType();
  static final StructType PERSON =
      struct("Person", Map.of("id", STRING, "kind", STRING, "level", STRING, "rank", INT, "teams", STRINGS));
  static final StructType AGENT =
      struct("Agent", Map.of("present", BOOL, "id", STRING, "sponsor", STRING, "model", STRING));
  static final StructType LEVELS =
      struct("Levels", Map.of("junior", INT, "mid", INT, "senior", INT, "staff", INT, "principal", INT));
  static final StructType CALENDAR =
      struct("Calendar", Map.of("inFreeze", BOOL, "freezes", STRINGS));
  static final StructType TOOL =
      struct(
          "Tool",
          Map.of("present", BOOL, "client", STRING, "name", STRING, "permissionMode", STRING, "sessionId", STRING));

  static final List<StructType> TYPES =
      List.of(FINDING, ACTION, SERVICE, BLAST_RADIUS, CHANGE, ANALYSIS, PERSON, AGENT, LEVELS, CALENDAR, TOOL);

  private CelSchema() {}

  /** The variables a {@code match} expression sees. */
  static Map<String, CelType> matchVariables() {
    Map<String, CelType> vars = new LinkedHashMap<>();
    vars.put("change", CHANGE);
    vars.put("analysis", ANALYSIS);
    vars.put("author", PERSON);
    vars.put("agent", AGENT);
    vars.put("actor", PERSON);
    vars.put("levels", LEVELS);
    vars.put("now", SimpleType.TIMESTAMP);
    vars.put("calendar", CALENDAR);
    vars.put("tool", TOOL);
    return vars;
  }

  /** The variables an {@code eligible} expression sees: the match variables and {@code approver}. */
  static Map<String, CelType> eligibleVariables() {
    Map<String, CelType> vars = matchVariables();
    vars.put("approver", PERSON);
    return vars;
  }

  /** A type provider that knows the Countersign struct types. */
  static CelTypeProvider typeProvider() {
    ImmutableList<CelType> types = ImmutableList.copyOf(TYPES);
    return new CelTypeProvider() {
      @Override
      public ImmutableCollection<CelType> types() {
        return types;
      }

      @Override
      public Optional<CelType> findType(String typeName) {
        return types.stream().filter(t -> t.name().equals(typeName)).findFirst();
      }
    };
  }

  private static StructType analysisType() {
    Map<String, CelType> fields = new LinkedHashMap<>();
    fields.put("summary", MapType.create(STRING, INT));
    fields.put("mutating", BOOL);
    fields.put("destructive", BOOL);
    fields.put("dataLoss", BOOL);
    fields.put("irreversible", BOOL);
    fields.put("recreateEnvironment", BOOL);
    fields.put("riskScore", INT);
    fields.put("findings", ListType.create(FINDING));
    fields.put("findingCodes", STRINGS);
    fields.put("actions", ListType.create(ACTION));
    fields.put("blastRadius", BLAST_RADIUS);
    return struct("Analysis", fields);
  }

  private static StructType struct(String name, Map<String, CelType> fields) {
    Map<String, CelType> copy = Map.copyOf(fields);
    return StructType.create(
        "countersign." + name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(copy.get(f)));
  }
}
