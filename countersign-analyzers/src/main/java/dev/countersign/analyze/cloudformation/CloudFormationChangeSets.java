package dev.countersign.analyze.cloudformation;

import dev.countersign.analyze.Analyzer;

/** The entry point of the CloudFormation change set analyser. */
public final class CloudFormationChangeSets {

  private static final Analyzer ANALYZER = new ChangeSetAnalyzer();

  private CloudFormationChangeSets() {}

  /** The analyser for {@code aws cloudformation describe-change-set} output. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }
}
