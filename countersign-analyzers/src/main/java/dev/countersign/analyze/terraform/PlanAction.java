package dev.countersign.analyze.terraform;

import dev.countersign.model.Verb;
import java.util.List;

/**
 * How one {@code change.actions} list of a plan maps to a verb.
 *
 * <p>Terraform's lists are {@code ["no-op"]}, {@code ["create"]}, {@code ["read"]}, {@code
 * ["update"]}, {@code ["delete"]}, {@code ["delete","create"]} and {@code ["create","delete"]}
 * (both a replace), {@code ["forget"]} (removed from state, not destroyed) and {@code
 * ["create","forget"]} / {@code ["forget","create"]} (a replacement that leaves the old object
 * running). Any other list is kept, with a verb that fails safe: {@code replace} or {@code delete}
 * when it mentions delete, {@code update} otherwise, so a reviewer sees it.
 *
 * @param verb the normalized verb
 * @param shape which of Terraform's shapes the list has
 */
record PlanAction(Verb verb, Shape shape) {

  /** The shapes the analyser tells apart for findings. */
  enum Shape {
    KNOWN,
    CREATE_BEFORE_DESTROY,
    FORGET,
    REPLACE_AND_FORGET,
    UNKNOWN
  }

  /** Classifies a list of Terraform action words. */
  static PlanAction of(List<String> actions) {
    if (actions.size() == 1) {
      return switch (actions.get(0)) {
        case "no-op" -> known(Verb.NOOP);
        case "create" -> known(Verb.CREATE);
        case "read" -> known(Verb.READ);
        case "update" -> known(Verb.UPDATE);
        case "delete" -> known(Verb.DELETE);
        case "forget" -> new PlanAction(Verb.NOOP, Shape.FORGET);
        default -> unknown(actions);
      };
    }
    if (actions.size() == 2) {
      String first = actions.get(0);
      String second = actions.get(1);
      if (first.equals("delete") && second.equals("create")) {
        return known(Verb.REPLACE);
      }
      if (first.equals("create") && second.equals("delete")) {
        return new PlanAction(Verb.REPLACE, Shape.CREATE_BEFORE_DESTROY);
      }
      if ((first.equals("create") && second.equals("forget"))
          || (first.equals("forget") && second.equals("create"))) {
        return new PlanAction(Verb.CREATE, Shape.REPLACE_AND_FORGET);
      }
    }
    return unknown(actions);
  }

  private static PlanAction known(Verb verb) {
    return new PlanAction(verb, Shape.KNOWN);
  }

  private static PlanAction unknown(List<String> actions) {
    boolean deletes = actions.contains("delete");
    boolean creates = actions.contains("create");
    Verb verb = deletes ? (creates ? Verb.REPLACE : Verb.DELETE) : Verb.UPDATE;
    return new PlanAction(verb, Shape.UNKNOWN);
  }

  /** A sentence for the action's reason when the plan gives no {@code action_reason}. */
  String sentence(boolean dataSource, List<String> actions) {
    return switch (shape) {
      case CREATE_BEFORE_DESTROY ->
          "Terraform creates the replacement before destroying this object";
      case FORGET -> "Terraform removes this object from state without destroying it";
      case REPLACE_AND_FORGET ->
          "Terraform creates a replacement and leaves the old object running, unmanaged";
      case UNKNOWN ->
          "unknown plan action list "
              + actions
              + ", treated as "
              + verb.wire()
              + " so that it is reviewed";
      case KNOWN -> knownSentence(dataSource);
    };
  }

  private String knownSentence(boolean dataSource) {
    return switch (verb) {
      case CREATE -> "Terraform creates this object";
      case READ -> dataSource ? "Terraform reads this data source" : "Terraform reads this object";
      case UPDATE -> "Terraform updates this object in place";
      case DELETE -> "Terraform destroys this object";
      case REPLACE -> "Terraform destroys this object and creates a replacement";
      case NOOP -> "no change";
      case EXEC -> "Terraform runs this";
    };
  }
}
