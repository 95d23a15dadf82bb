package dev.countersign.analyze.terraform;

import java.util.Set;

/**
 * Terraform resource types whose deletion or replacement tears down an environment (DESIGN §2,
 * "recreate-environment"), whatever the rest of the plan does.
 *
 * <p>Three families:
 *
 * <ul>
 *   <li><b>Network and account boundaries</b> that everything else lives in: {@code aws_vpc},
 *       {@code google_compute_network}, {@code azurerm_virtual_network}, {@code
 *       azurerm_resource_group}, {@code google_project}, {@code google_folder}, {@code
 *       aws_organizations_account}.
 *   <li><b>Runtimes and stacks</b> that hold whole deployments: Kubernetes namespaces and clusters
 *       ({@code kubernetes_namespace}, {@code aws_eks_cluster}, {@code google_container_cluster},
 *       {@code azurerm_kubernetes_cluster}), {@code aws_cloudformation_stack} and stack sets, and
 *       Terraform Cloud workspaces ({@code tfe_workspace}), which own the state of everything they
 *       manage.
 *   <li><b>Database instances and clusters</b> (not single tables or databases inside one): RDS,
 *       Aurora, Redshift, DocumentDB, Neptune, Cloud SQL, Spanner, AlloyDB, Azure SQL, PostgreSQL
 *       and MySQL servers, Cosmos DB accounts.
 * </ul>
 */
public final class EnvironmentContainers {

  private static final Set<String> TYPES =
      Set.of(
          "aws_vpc",
          "google_compute_network",
          "azurerm_virtual_network",
          "azurerm_resource_group",
          "google_project",
          "google_folder",
          "aws_organizations_account",
          "kubernetes_namespace",
          "kubernetes_namespace_v1",
          "aws_eks_cluster",
          "google_container_cluster",
          "azurerm_kubernetes_cluster",
          "aws_cloudformation_stack",
          "aws_cloudformation_stack_set",
          "tfe_workspace",
          "aws_db_instance",
          "aws_rds_cluster",
          "aws_rds_global_cluster",
          "aws_redshift_cluster",
          "aws_docdb_cluster",
          "aws_neptune_cluster",
          "google_sql_database_instance",
          "google_spanner_instance",
          "google_alloydb_cluster",
          "azurerm_mssql_server",
          "azurerm_mssql_managed_instance",
          "azurerm_sql_server",
          "azurerm_postgresql_server",
          "azurerm_postgresql_flexible_server",
          "azurerm_mysql_server",
          "azurerm_mysql_flexible_server",
          "azurerm_cosmosdb_account");

  private EnvironmentContainers() {}

  /** Whether deleting or replacing a resource of this type tears down an environment. */
  public static boolean contains(String type) {
    return TYPES.contains(type);
  }
}
