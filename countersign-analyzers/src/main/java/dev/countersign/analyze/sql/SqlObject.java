package dev.countersign.analyze.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of database object a statement can act on, with the resource type of their actions and
 * whether they hold data that dropping them loses.
 *
 * <p>Tables, schemas, databases, columns, rows, partitions, sequences (their position) and
 * tablespaces hold data; indexes, views, triggers, routines, constraints, types and the like can be
 * rebuilt from their definition. An object type Countersign does not know is treated as holding
 * data, so that it is reviewed.
 */
enum SqlObject {
  DATABASE("sql-database", true),
  SCHEMA("sql-schema", true),
  TABLE("sql-table", true),
  COLUMN("sql-column", true),
  ROWS("sql-rows", true),
  PARTITION("sql-partition", true),
  SEQUENCE("sql-sequence", true),
  TABLESPACE("sql-tablespace", true),
  INDEX("sql-index", false),
  VIEW("sql-view", false),
  MATERIALIZED_VIEW("sql-materialized-view", false),
  TRIGGER("sql-trigger", false),
  FUNCTION("sql-function", false),
  PROCEDURE("sql-procedure", false),
  EVENT("sql-event", false),
  RULE("sql-rule", false),
  POLICY("sql-policy", false),
  CONSTRAINT("sql-constraint", false),
  TYPE("sql-type", false),
  DOMAIN("sql-domain", false),
  EXTENSION("sql-extension", false),
  ROLE("sql-role", false),
  PRIVILEGE("sql-privilege", false),
  SESSION("sql-session", false),
  SCRIPT("sql-script", false),
  STATEMENT("sql-statement", false),
  OBJECT("sql-object", true);

  private final String resourceType;
  private final boolean stateful;

  SqlObject(String resourceType, boolean stateful) {
    this.resourceType = resourceType;
    this.stateful = stateful;
  }

  /** The resource type of actions on this kind of object. */
  String resourceType() {
    return resourceType;
  }

  /** Whether dropping such an object loses data. */
  boolean stateful() {
    return stateful;
  }

  /** The words that name this kind of object in SQL, e.g. {@code MATERIALIZED VIEW}. */
  String words() {
    return name().replace('_', ' ');
  }

  /** The object kind named by a keyword after DROP or CREATE ({@code TABLE}, {@code USER}, …). */
  static Optional<SqlObject> fromKeyword(String keyword) {
    return Optional.ofNullable(
        switch (keyword.toUpperCase(Locale.ROOT)) {
          case "DATABASE" -> DATABASE;
          case "SCHEMA" -> SCHEMA;
          case "TABLE" -> TABLE;
          case "INDEX", "KEY" -> INDEX;
          case "VIEW" -> VIEW;
          case "MATERIALIZED VIEW", "MATERIALIZED" -> MATERIALIZED_VIEW;
          case "TRIGGER" -> TRIGGER;
          case "FUNCTION", "AGGREGATE" -> FUNCTION;
          case "PROCEDURE", "ROUTINE" -> PROCEDURE;
          case "EVENT" -> EVENT;
          case "RULE" -> RULE;
          case "POLICY" -> POLICY;
          case "SEQUENCE" -> SEQUENCE;
          case "TABLESPACE" -> TABLESPACE;
          case "TYPE" -> TYPE;
          case "DOMAIN" -> DOMAIN;
          case "EXTENSION" -> EXTENSION;
          case "ROLE", "USER", "GROUP" -> ROLE;
          case "CONSTRAINT" -> CONSTRAINT;
          default -> null;
        });
  }
}
