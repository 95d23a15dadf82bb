package dev.countersign.analyze.cloudformation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The curated list of CloudFormation resource types ({@code AWS::...}) that hold data which
 * re-deploying the template cannot bring back, so that deleting or replacing one loses data.
 *
 * <p>The families and the reasoning are those of the Terraform list ({@code
 * analyze.terraform.StatefulResources}): databases; caches and search clusters with persisted data;
 * object and file storage; block storage; queues and streams with messages in flight; keys and
 * secrets (a deleted key makes everything encrypted with it unreadable); backups, image registries,
 * logs and user pools; and containers that delete what they hold (nested stacks, EKS clusters,
 * accounts).
 *
 * <p>Deliberately not on the list: IAM, networking, compute, Lambda functions, SNS topics (no
 * stored messages), SSM parameters and bucket policies: re-deploying the template rebuilds them.
 */
public final class StatefulTypes {

  private static final Map<String, String> FAMILIES = build();

  private StatefulTypes() {}

  /** Whether deleting or replacing a resource of this type loses data. */
  public static boolean isStateful(String type) {
    return FAMILIES.containsKey(type);
  }

  /** What kind of data a resource of this type holds, in words, e.g. "a database". */
  public static Optional<String> family(String type) {
    return Optional.ofNullable(FAMILIES.get(type));
  }

  private static Map<String, String> build() {
    Map<String, String> m = new HashMap<>();
    add(
        m,
        "a database",
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBCluster",
        "AWS::RDS::GlobalCluster",
        "AWS::DynamoDB::Table",
        "AWS::DynamoDB::GlobalTable",
        "AWS::Redshift::Cluster",
        "AWS::RedshiftServerless::Namespace",
        "AWS::DocDB::DBCluster",
        "AWS::DocDB::DBInstance",
        "AWS::DocDBElastic::Cluster",
        "AWS::Neptune::DBCluster",
        "AWS::Neptune::DBInstance",
        "AWS::Timestream::Database",
        "AWS::Timestream::Table",
        "AWS::Cassandra::Keyspace",
        "AWS::Cassandra::Table",
        "AWS::QLDB::Ledger",
        "AWS::Lightsail::Database");
    add(
        m,
        "a cache or search cluster with persisted data",
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::ElastiCache::ServerlessCache",
        "AWS::MemoryDB::Cluster",
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain");
    add(
        m,
        "object or file storage",
        "AWS::S3::Bucket",
        "AWS::S3Express::DirectoryBucket",
        "AWS::EFS::FileSystem",
        "AWS::FSx::FileSystem",
        "AWS::FSx::Volume");
    add(m, "block storage", "AWS::EC2::Volume");
    add(
        m,
        "a queue or stream with messages in flight",
        "AWS::SQS::Queue",
        "AWS::Kinesis::Stream",
        "AWS::KinesisFirehose::DeliveryStream",
        "AWS::MSK::Cluster",
        "AWS::MSK::ServerlessCluster",
        "AWS::AmazonMQ::Broker");
    add(
        m,
        "a key or secret",
        "AWS::KMS::Key",
        "AWS::KMS::ReplicaKey",
        "AWS::SecretsManager::Secret",
        "AWS::CloudHSM::Cluster");
    add(
        m,
        "backups, images, logs or identities",
        "AWS::Backup::BackupVault",
        "AWS::ECR::Repository",
        "AWS::Logs::LogGroup",
        "AWS::Cognito::UserPool");
    add(
        m,
        "a container that deletes everything inside it",
        "AWS::CloudFormation::Stack",
        "AWS::EKS::Cluster",
        "AWS::Organizations::Account");
    return Map.copyOf(m);
  }

  private static void add(Map<String, String> m, String family, String... types) {
    for (String t : types) {
      m.put(t, family);
    }
  }
}
