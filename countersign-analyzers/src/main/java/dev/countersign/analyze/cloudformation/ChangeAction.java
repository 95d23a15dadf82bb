package dev.countersign.analyze.cloudformation;

import dev.countersign.model.Verb;

/**
 * How one {@code ResourceChange}'s {@code Action}, {@code Replacement} and {@code PolicyAction} map
 * to a verb (the table and its reasons are in the package documentation).
 *
 * @param verb the normalized verb
 * @param shape which of CloudFormation's cases this is, for findings
 * @param determined false when CloudFormation could not say what it will do ({@code Dynamic}) or
 *     used an action word this analyser does not know
 * @param sentence what CloudFormation will do, in words, for the action's reason
 */
record ChangeAction(Verb verb, Shape shape, boolean determined, String sentence) {

  /** The cases that raise their own findings. */
  enum Shape {
    PLAIN,
    IMPORT,
    REPLACE,
    MAY_REPLACE,
    RETAIN,
    SYNC
  }

  private static final String ACTOR = "CloudFormation ";

  /** Classifies one resource change; an empty string stands for an absent field. */
  static ChangeAction of(String action, String replacement, String policyAction) {
    return switch (action) {
      case "Add" ->
          new ChangeAction(Verb.CREATE, Shape.PLAIN, true, ACTOR + "creates this resource");
      case "Import" ->
          new ChangeAction(
              Verb.CREATE,
              Shape.IMPORT,
              true,
              ACTOR
                  + "imports this existing resource into the stack, which then owns it (nothing"
                  + " new is created)");
      case "Modify" -> modify(replacement, policyAction, true, "updates this resource in place");
      case "Remove" -> remove(policyAction);
      case "SyncWithActual" ->
          new ChangeAction(
              Verb.NOOP,
              Shape.SYNC,
              true,
              ACTOR
                  + "only updates its record of this resource to match the live one; the resource"
                  + " does not change");
      case "Dynamic" ->
          modify(
              replacement,
              policyAction,
              false,
              "cannot tell yet what it will do to this resource (Dynamic); treated as an update");
      default ->
          modify(
              replacement,
              policyAction,
              false,
              "reports an unknown action '" + action + "'; treated as an update");
    };
  }

  private static ChangeAction modify(
      String replacement, String policyAction, boolean determined, String inPlace) {
    return switch (replacement) {
      case "", "False" -> new ChangeAction(Verb.UPDATE, Shape.PLAIN, determined, ACTOR + inPlace);
      case "True" ->
          new ChangeAction(Verb.REPLACE, Shape.REPLACE, determined, replaced(policyAction));
      case "Conditional" ->
          new ChangeAction(
              Verb.REPLACE,
              Shape.MAY_REPLACE,
              determined,
              ACTOR
                  + "may replace this resource (Replacement: Conditional; it decides while the"
                  + " change set runs); counted as a replacement");
      default ->
          new ChangeAction(
              Verb.REPLACE,
              Shape.MAY_REPLACE,
              determined,
              ACTOR
                  + "reports an unknown Replacement value '"
                  + replacement
                  + "'; counted as a possible replacement");
    };
  }

  private static String replaced(String policyAction) {
    return ACTOR
        + switch (policyAction) {
          case "ReplaceAndRetain" ->
              "replaces this resource with a new one and keeps the old one, unmanaged"
                  + " (DeletionPolicy Retain)";
          case "ReplaceAndSnapshot" ->
              "replaces this resource with a new one, snapshots the old one, then deletes it";
          default -> "replaces this resource: it creates a new one, then deletes the old one";
        };
  }

  private static ChangeAction remove(String policyAction) {
    return switch (policyAction) {
      case "Retain" ->
          new ChangeAction(
              Verb.NOOP,
              Shape.RETAIN,
              true,
              ACTOR
                  + "removes this resource from the stack but keeps it running, unmanaged"
                  + " (DeletionPolicy Retain)");
      case "Snapshot" ->
          new ChangeAction(
              Verb.DELETE, Shape.PLAIN, true, ACTOR + "snapshots this resource, then deletes it");
      default -> new ChangeAction(Verb.DELETE, Shape.PLAIN, true, ACTOR + "deletes this resource");
    };
  }
}
