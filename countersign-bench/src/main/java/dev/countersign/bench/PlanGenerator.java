package dev.countersign.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a realistic {@code terraform show -json} plan with N resource changes: mixed verbs and
 * providers, before/after objects with tags, nested blocks and lists, {@code planned_values} and a
 * {@code configuration} block, like a large real plan. About 3.7 KB per change, so the default
 * 50,000 changes give a file of about 185 MB.
 *
 * <p>Deterministic for a seed: resource {@code i}'s values come from {@code new Random(seed + i)}.
 */
public final class PlanGenerator {

  /** The default number of resource changes. */
  public static final int DEFAULT_CHANGES = 50_000;

  private static final List<String> TYPES =
      List.of(
          "aws_instance",
          "aws_security_group",
          "aws_iam_role",
          "aws_s3_bucket",
          "aws_db_instance",
          "aws_lambda_function",
          "google_compute_instance",
          "google_storage_bucket",
          "azurerm_linux_virtual_machine",
          "azurerm_storage_account",
          "kubernetes_deployment",
          "kubernetes_config_map",
          "aws_route53_record",
          "aws_sqs_queue",
          "random_id",
          "null_resource");

  private PlanGenerator() {}

  /** Usage: {@code PlanGenerator OUTPUT [CHANGES] [SEED]}. */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println(
          "usage: PlanGenerator OUTPUT.json [CHANGES=" + DEFAULT_CHANGES + "] [SEED=1]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int changes = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CHANGES;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    long bytes = write(out, changes, seed);
    System.out.printf("wrote %s: %,d changes, %,d bytes%n", out, changes, bytes);
  }

  /** Writes the plan to a file and returns its size in bytes. */
  public static long write(Path out, int changes, long seed) {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      write(os, changes, seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.size(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the plan to a stream (not closed). */
  public static void write(OutputStream out, int changes, long seed) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("format_version", "1.2");
      g.writeStringField("terraform_version", "1.9.5");
      g.writeObjectFieldStart("planned_values");
      g.writeObjectFieldStart("root_module");
      g.writeArrayFieldStart("resources");
      for (int i = 0; i < changes; i++) {
        Resource r = Resource.of(i, seed);
        if (!r.actions().contains("delete") || r.actions().size() > 1) {
          g.writeStartObject();
          g.writeStringField("address", r.address());
          g.writeStringField("mode", "managed");
          g.writeStringField("type", r.type());
          g.writeStringField("name", r.name());
          g.writeNumberField("schema_version", 1);
          g.writeFieldName("values");
          Values.write(g, r, true);
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("resource_changes");
      for (int i = 0; i < changes; i++) {
        writeChange(g, Resource.of(i, seed));
      }
      g.writeEndArray();
      g.writeObjectFieldStart("configuration");
      g.writeObjectFieldStart("root_module");
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("timestamp", "2026-01-15T10:00:00Z");
      g.writeBooleanField("applyable", true);
      g.writeBooleanField("complete", true);
      g.writeBooleanField("errored", false);
      g.writeEndObject();
    }
  }

  private static void writeChange(JsonGenerator g, Resource r) throws IOException {
    g.writeStartObject();
    g.writeStringField("address", r.address());
    g.writeStringField("mode", "managed");
    g.writeStringField("type", r.type());
    g.writeStringField("name", r.name());
    g.writeStringField(
        "provider_name",
        "registry.terraform.io/hashicorp/" + r.type().substring(0, r.type().indexOf('_')));
    g.writeObjectFieldStart("change");
    g.writeArrayFieldStart("actions");
    for (String a : r.actions()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeFieldName("before");
    if (r.actions().equals(List.of("create"))) {
      g.writeNull();
    } else {
      Values.write(g, r, false);
    }
    g.writeFieldName("after");
    if (r.actions().equals(List.of("delete"))) {
      g.writeNull();
    } else {
      Values.write(g, r, true);
    }
    g.writeObjectFieldStart("after_unknown");
    g.writeBooleanField("id", r.actions().contains("create"));
    g.writeEndObject();
    g.writeObjectFieldStart("before_sensitive");
    g.writeEndObject();
    g.writeObjectFieldStart("after_sensitive");
    g.writeEndObject();
    if (r.actions().size() == 2) {
      g.writeArrayFieldStart("replace_paths");
      g.writeStartArray();
      g.writeString("ami");
      g.writeEndArray();
      g.writeEndArray();
    }
    g.writeEndObject();
    if (r.actions().size() == 2) {
      g.writeStringField("action_reason", "replace_because_cannot_update");
    }
    g.writeEndObject();
  }

  /** One generated resource: its identity and the action Terraform plans for it. */
  record Resource(int index, long seed, String type, String name, List<String> actions) {

    static Resource of(int index, long seed) {
      Random r = new Random(seed * 1_000_003L + index);
      String type = TYPES.get(r.nextInt(TYPES.size()));
      int p = r.nextInt(100);
      List<String> actions =
          p < 40
              ? List.of("create")
              : p < 70
                  ? List.of("update")
                  : p < 85
                      ? List.of("no-op")
                      : p < 90
                          ? List.of("delete")
                          : p < 95 ? List.of("delete", "create") : List.of("read");
      return new Resource(index, seed, type, "r" + index, actions);
    }

    String address() {
      return "module.m" + (index % 97) + "." + type + "." + name;
    }
  }
}
