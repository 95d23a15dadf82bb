package dev.countersign.analyze.terraform;

import java.util.ArrayList;
import java.util.List;

/** Reads Terraform resource addresses such as {@code module.db["eu"].aws_db_instance.main[0]}. */
public final class ResourceAddresses {

  private ResourceAddresses() {}

  /**
   * The resource type an address names ({@code aws_db_instance} above), or empty when the address
   * names no resource (e.g. a whole module).
   */
  public static String typeOf(String address) {
    List<String> steps = steps(address);
    int i = 0;
    while (i + 1 < steps.size() && steps.get(i).equals("module")) {
      i += 2;
    }
    if (i < steps.size() && steps.get(i).equals("data")) {
      i++;
    }
    return i + 1 < steps.size() ? steps.get(i) : "";
  }

  /** Splits on dots outside brackets and quotes, dropping the index brackets. */
  private static List<String> steps(String address) {
    List<String> steps = new ArrayList<>();
    StringBuilder step = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == '.' && depth == 0) {
        steps.add(step.toString());
        step.setLength(0);
      } else if (depth == 0) {
        step.append(c);
      }
    }
    steps.add(step.toString());
    return steps;
  }
}
