package dev.countersign.policy;

/** Compiles and type-checks policy sets once, so nothing is parsed on the request path. */
public interface PolicyCompiler {

  /**
   * Compiles every expression of the set, or throws a {@link PolicyException} naming the file, line
   * and column of the first bad one (all errors are listed in the message).
   */
  CompiledPolicy compile(PolicySet set);
}
