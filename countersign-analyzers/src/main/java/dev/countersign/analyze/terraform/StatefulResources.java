package dev.countersign.analyze.terraform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The curated list of Terraform resource types that hold data which re-applying the configuration
 * cannot bring back, so that deleting or replacing one loses data.
 *
 * <p>A type is on the list when the resource stores state written <em>after</em> it was created, by
 * applications or people, rather than content Terraform writes from the configuration:
 *
 * <ul>
 *   <li><b>Databases</b> (RDS, Aurora, DynamoDB, Cloud SQL, Spanner, Azure SQL/PostgreSQL/MySQL,
 *       Cosmos DB, Redshift, DocumentDB, Neptune, Bigtable, Firestore, ...): rows and documents.
 *   <li><b>Caches and search clusters</b> with persistence (ElastiCache, MemoryDB, Redis,
 *       OpenSearch/Elasticsearch): indexes and persisted keys.
 *   <li><b>Object and file storage</b> (S3 buckets, GCS buckets, Azure storage accounts, containers
 *       and shares, EFS, Filestore, FSx): objects and files uploaded by applications.
 *   <li><b>Block storage and snapshots</b> (EBS volumes and snapshots, persistent disks, managed
 *       disks, Kubernetes persistent volumes and claims, StatefulSets with volume claims).
 *   <li><b>Queues and streams</b> (SQS, Kinesis, MSK, Pub/Sub, Service Bus, Event Hubs): messages
 *       in flight.
 *   <li><b>Keys and secrets</b> (KMS keys, Key Vault, Secret Manager, Secrets Manager): a deleted
 *       key makes everything encrypted with it unreadable; a deleted secret's value is gone.
 *   <li><b>Backups, registries and logs</b> (backup vaults, ECR/Artifact Registry/ACR images, log
 *       groups and workspaces): the history itself.
 *   <li><b>Containers that delete what they hold</b> (Kubernetes namespaces, Azure resource groups,
 *       GCP projects, AWS accounts, Terraform Cloud workspaces and their state, Kubernetes clusters
 *       and their etcd, GitHub repositories): deleting one deletes everything inside.
 * </ul>
 *
 * <p>Deliberately <em>not</em> on the list: {@code local_file} and {@code local_sensitive_file}
 * (Terraform writes their whole content from the configuration, so re-applying restores them byte
 * for byte), {@code aws_s3_object} for the same reason, {@code random_*} (regenerated values are
 * new values, not lost data), {@code null_resource} and {@code terraform_data} (hold nothing), and
 * networking, IAM and compute resources, which re-applying rebuilds.
 */
public final class StatefulResources {

  private static final Map<String, String> FAMILIES = build();

  private StatefulResources() {}

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
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_rds_cluster_instance",
        "aws_rds_global_cluster",
        "aws_dynamodb_table",
        "aws_dynamodb_global_table",
        "aws_redshift_cluster",
        "aws_redshiftserverless_namespace",
        "aws_docdb_cluster",
        "aws_docdb_cluster_instance",
        "aws_neptune_cluster",
        "aws_neptune_cluster_instance",
        "aws_timestream_database",
        "aws_timestream_table",
        "aws_keyspaces_table",
        "aws_keyspaces_keyspace",
        "aws_qldb_ledger",
        "aws_lightsail_database",
        "google_sql_database_instance",
        "google_sql_database",
        "google_spanner_instance",
        "google_spanner_database",
        "google_bigquery_dataset",
        "google_bigquery_table",
        "google_bigtable_instance",
        "google_bigtable_table",
        "google_firestore_database",
        "google_alloydb_cluster",
        "google_alloydb_instance",
        "azurerm_mssql_server",
        "azurerm_mssql_database",
        "azurerm_mssql_managed_instance",
        "azurerm_sql_server",
        "azurerm_sql_database",
        "azurerm_postgresql_server",
        "azurerm_postgresql_database",
        "azurerm_postgresql_flexible_server",
        "azurerm_postgresql_flexible_server_database",
        "azurerm_mysql_server",
        "azurerm_mysql_database",
        "azurerm_mysql_flexible_server",
        "azurerm_mysql_flexible_database",
        "azurerm_mariadb_server",
        "azurerm_mariadb_database",
        "azurerm_cosmosdb_account",
        "azurerm_cosmosdb_sql_database",
        "azurerm_cosmosdb_sql_container",
        "azurerm_cosmosdb_mongo_database",
        "azurerm_cosmosdb_mongo_collection",
        "azurerm_cosmosdb_cassandra_keyspace",
        "azurerm_cosmosdb_table");
    add(
        m,
        "a cache or search cluster with persisted data",
        "aws_elasticache_cluster",
        "aws_elasticache_replication_group",
        "aws_elasticache_serverless_cache",
        "aws_memorydb_cluster",
        "aws_opensearch_domain",
        "aws_elasticsearch_domain",
        "google_redis_instance",
        "google_memcache_instance",
        "azurerm_redis_cache",
        "azurerm_redis_enterprise_cluster");
    add(
        m,
        "object or file storage",
        "aws_s3_bucket",
        "aws_s3_directory_bucket",
        "aws_efs_file_system",
        "aws_fsx_lustre_file_system",
        "aws_fsx_windows_file_system",
        "aws_fsx_ontap_file_system",
        "aws_fsx_openzfs_file_system",
        "aws_glacier_vault",
        "google_storage_bucket",
        "google_filestore_instance",
        "azurerm_storage_account",
        "azurerm_storage_container",
        "azurerm_storage_share",
        "azurerm_storage_table",
        "azurerm_storage_queue",
        "azurerm_storage_data_lake_gen2_filesystem",
        "azurerm_netapp_volume");
    add(
        m,
        "block storage or a snapshot",
        "aws_ebs_volume",
        "aws_ebs_snapshot",
        "aws_db_snapshot",
        "aws_db_cluster_snapshot",
        "google_compute_disk",
        "google_compute_region_disk",
        "google_compute_snapshot",
        "azurerm_managed_disk",
        "azurerm_snapshot",
        "kubernetes_persistent_volume",
        "kubernetes_persistent_volume_v1",
        "kubernetes_persistent_volume_claim",
        "kubernetes_persistent_volume_claim_v1",
        "kubernetes_stateful_set",
        "kubernetes_stateful_set_v1");
    add(
        m,
        "a queue or stream with messages in flight",
        "aws_sqs_queue",
        "aws_kinesis_stream",
        "aws_kinesis_firehose_delivery_stream",
        "aws_msk_cluster",
        "aws_msk_serverless_cluster",
        "aws_mq_broker",
        "google_pubsub_topic",
        "google_pubsub_subscription",
        "azurerm_servicebus_namespace",
        "azurerm_servicebus_queue",
        "azurerm_servicebus_topic",
        "azurerm_servicebus_subscription",
        "azurerm_eventhub",
        "azurerm_eventhub_namespace");
    add(
        m,
        "a key or secret",
        "aws_kms_key",
        "aws_kms_replica_key",
        "aws_secretsmanager_secret",
        "aws_cloudhsm_v2_cluster",
        "google_kms_crypto_key",
        "google_kms_key_ring",
        "google_secret_manager_secret",
        "azurerm_key_vault",
        "azurerm_key_vault_key",
        "azurerm_key_vault_secret",
        "azurerm_key_vault_managed_hardware_security_module");
    add(
        m,
        "backups, images, logs or identities",
        "aws_backup_vault",
        "aws_ecr_repository",
        "aws_cloudwatch_log_group",
        "aws_cognito_user_pool",
        "google_artifact_registry_repository",
        "google_logging_project_bucket_config",
        "azurerm_recovery_services_vault",
        "azurerm_data_protection_backup_vault",
        "azurerm_container_registry",
        "azurerm_log_analytics_workspace");
    add(
        m,
        "a container that deletes everything inside it",
        "kubernetes_namespace",
        "kubernetes_namespace_v1",
        "azurerm_resource_group",
        "google_project",
        "aws_organizations_account",
        "tfe_workspace",
        "aws_eks_cluster",
        "google_container_cluster",
        "azurerm_kubernetes_cluster",
        "aws_cloudformation_stack",
        "github_repository");
    return Map.copyOf(m);
  }

  private static void add(Map<String, String> m, String family, String... types) {
    for (String t : types) {
      m.put(t, family);
    }
  }
}
