package dev.countersign.analyze.cloudformation;

import java.util.Set;

/**
 * CloudFormation resource types whose deletion or replacement tears down an environment (DESIGN §2,
 * "recreate-environment"), whatever the rest of the change set does. The same three families as
 * Terraform's list: network and account boundaries (VPC, account), runtimes and stacks (nested
 * stacks, stack sets, EKS clusters) and database instances and clusters.
 */
public final class EnvironmentTypes {

  private static final Set<String> TYPES =
      Set.of(
          "AWS::EC2::VPC",
          "AWS::Organizations::Account",
          "AWS::CloudFormation::Stack",
          "AWS::CloudFormation::StackSet",
          "AWS::EKS::Cluster",
          "AWS::RDS::DBInstance",
          "AWS::RDS::DBCluster",
          "AWS::RDS::GlobalCluster",
          "AWS::Redshift::Cluster",
          "AWS::DocDB::DBCluster",
          "AWS::Neptune::DBCluster");

  private EnvironmentTypes() {}

  /** Whether deleting or replacing a resource of this type tears down an environment. */
  public static boolean contains(String type) {
    return TYPES.contains(type);
  }
}
