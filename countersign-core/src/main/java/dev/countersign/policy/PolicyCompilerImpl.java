package dev.countersign.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles rules with one CEL environment; caches compiled programs by policy digest. */
final class PolicyCompilerImpl implements PolicyCompiler {
  static final int DEFAULT_CACHE_SIZE = 16;

  /** Bounds any comprehension (exists, all, map, filter) so a policy cannot spin. */
  private static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(100_000)
          .build();

  private final CelCompiler matchCompiler = compiler(CelSchema.matchVariables());
  private final CelCompiler eligibleCompiler = compiler(CelSchema.eligibleVariables());
  /** The planner runtime: it selects fields of {@link CelRecord} values without copying them. */
  private final CelRuntime runtime =
      CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();
  private final Map<String, List<CompiledRule>> cache;

  PolicyCompilerImpl(int cacheSize) {
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, List<CompiledRule>> eldest) {
            return size() > cacheSize;
          }
        };
  }

  @Override
  public CompiledPolicy compile(PolicySet set) {
    List<CompiledRule> cached;
    synchronized (cache) {
      cached = cache.get(set.digest());
    }
    if (cached != null) {
      return new CompiledPolicy(set, cached);
    }
    List<String> errors = new ArrayList<>();
    List<CompiledRule> compiled = new ArrayList<>();
    for (Rule rule : set.rules()) {
      CelRuntime.Program match = program(matchCompiler, rule, "match", rule.match(), errors);
      List<CelRuntime.Program> eligible = new ArrayList<>();
      for (int i = 0; i < rule.requires().size(); i++) {
        String what = "requires[" + i + "].eligible";
        CelRuntime.Program p =
            program(eligibleCompiler, rule, what, rule.requires().get(i).eligible(), errors);
        if (p != null) {
          eligible.add(p);
        }
      }
      if (match != null && eligible.size() == rule.requires().size()) {
        compiled.add(new CompiledRule(rule, match, eligible));
      }
    }
    if (!errors.isEmpty()) {
      throw new PolicyException(String.join("\n", errors));
    }
    List<CompiledRule> programs = List.copyOf(compiled);
    synchronized (cache) {
      cache.put(set.digest(), programs);
    }
    return new CompiledPolicy(set, programs);
  }

  private CelRuntime.@org.jspecify.annotations.Nullable Program program(
      CelCompiler compiler, Rule rule, String what, RuleExpression expr, List<String> errors) {
    CelValidationResult result = compiler.compile(expr.text());
    if (result.hasError()) {
      for (CelIssue issue : result.getErrors()) {
        CelSourceLocation at = issue.getSourceLocation();
        errors.add(
            expr.locate(at.getLine(), at.getColumn())
                + ": rule '" + rule.name() + "' " + what + ": " + issue.getMessage());
      }
      return null;
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      return runtime.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      errors.add(expr.start() + ": rule '" + rule.name() + "' " + what + ": " + e.getMessage());
      return null;
    }
  }

  private static CelCompiler compiler(Map<String, CelType> variables) {
    CelCompilerBuilder builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(CelSchema.typeProvider())
            .setResultType(SimpleType.BOOL);
    variables.forEach(builder::addVar);
    return builder.build();
  }
}
