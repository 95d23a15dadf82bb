package dev.countersign.analyze.terraform;

import dev.countersign.analyze.Analyzer;

/** The entry point of the Terraform/OpenTofu plan analyser. */
public final class TerraformPlans {

  private static final Analyzer ANALYZER = new PlanAnalyzer();

  private TerraformPlans() {}

  /** The analyser for {@code terraform show -json} and {@code tofu show -json} plans. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }
}
