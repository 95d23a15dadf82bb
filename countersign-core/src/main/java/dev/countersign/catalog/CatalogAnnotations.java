package dev.countersign.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The annotations Countersign reads from a catalog entity's {@code metadata.annotations}.
 *
 * <pre>{@code
 * metadata:
 *   annotations:
 *     countersign.dev/tier: "1"                    # 1 is the most critical; absent = unknown
 *     countersign.dev/customer-facing: "true"      # customers see it
 *     countersign.dev/terraform-prefixes: "module.payments., aws_db_instance.payments"
 *     countersign.dev/kubernetes-namespaces: "shop, shop-canary"
 * }</pre>
 *
 * <p>A Terraform prefix maps every action whose address starts with it at an address boundary: the
 * prefix ends with {@code .}, or the address ends there or continues with {@code .} or {@code [}.
 * So {@code aws_db_instance.payments} maps {@code aws_db_instance.payments} and {@code
 * aws_db_instance.payments["eu"]}, but not {@code aws_db_instance.payments_v2}. A Kubernetes
 * namespace maps every Kubernetes action (resource type {@code kubernetes/<Kind>}) on an object in
 * it, address {@code <namespace>/<Kind>/<name>}, and on the namespace itself ({@code
 * Namespace/<namespace>}).
 */
public final class CatalogAnnotations {
  /** The tier, a whole number from 1 (most critical). */
  public static final String TIER = "countersign.dev/tier";
  /** Whether customers see the entity: {@code true} or {@code false}. */
  public static final String CUSTOMER_FACING = "countersign.dev/customer-facing";
  /** Comma-separated Terraform address prefixes that belong to the entity. */
  public static final String TERRAFORM_PREFIXES = "countersign.dev/terraform-prefixes";
  /** Comma-separated Kubernetes namespaces that belong to the entity. */
  public static final String KUBERNETES_NAMESPACES = "countersign.dev/kubernetes-namespaces";

  /** The highest tier number accepted. */
  public static final int MAX_TIER = 9;

  private CatalogAnnotations() {}

  /** The non-blank, stripped items of a comma-separated annotation value, in order. */
  public static List<String> items(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String item = part.strip();
      if (!item.isEmpty()) {
        out.add(item);
      }
    }
    return List.copyOf(out);
  }
}
