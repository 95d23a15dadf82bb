package dev.countersign.policy;

/** Creates policy compilers. */
public final class PolicyCompilerFactory {
  private PolicyCompilerFactory() {}

  /** A compiler with the Countersign CEL environment and a small cache of compiled sets by digest. */
  public static PolicyCompiler create() {
    return new PolicyCompilerImpl(PolicyCompilerImpl.DEFAULT_CACHE_SIZE);
  }
}
