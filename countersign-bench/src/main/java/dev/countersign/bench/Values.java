package dev.countersign.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Random;

/**
 * The attribute values of a generated resource: the shape of a mid-sized AWS/GCP/Azure resource.
 */
final class Values {

  private static final String[] ZONES = {
    "eu-west-1a", "eu-west-1b", "us-east-1a", "europe-west1-b"
  };
  private static final String[] TEAMS = {"payments", "search", "checkout", "identity", "platform"};

  private Values() {}

  /**
   * Writes the values; {@code after} differs from before in a few fields for updates and replaces.
   */
  static void write(JsonGenerator g, PlanGenerator.Resource r, boolean after) throws IOException {
    Random random = new Random(r.seed() * 31 + r.index());
    HexFormat hex = HexFormat.of();
    byte[] buf = new byte[32];
    int version = after ? 2 : 1;
    g.writeStartObject();
    g.writeStringField("id", "i-" + Long.toHexString(random.nextLong()));
    g.writeStringField(
        "arn", "arn:aws:service:eu-west-1:123456789012:" + r.type() + "/" + r.name());
    g.writeStringField("name", r.name());
    g.writeStringField("ami", "ami-" + Integer.toHexString(random.nextInt()) + (after ? "b" : "a"));
    g.writeStringField("instance_type", "m5." + (version == 1 ? "large" : "xlarge"));
    g.writeStringField("availability_zone", ZONES[random.nextInt(ZONES.length)]);
    g.writeNumberField("cpu_core_count", 2 + random.nextInt(8));
    g.writeBooleanField("monitoring", random.nextBoolean());
    g.writeNumberField("version", version);
    random.nextBytes(buf);
    g.writeStringField("user_data_hash", hex.formatHex(buf));
    g.writeObjectFieldStart("tags");
    g.writeStringField("Name", r.name());
    g.writeStringField("team", TEAMS[random.nextInt(TEAMS.length)]);
    g.writeStringField("env", "production");
    g.writeStringField("cost-center", "cc-" + random.nextInt(1000));
    g.writeStringField("managed-by", "terraform");
    g.writeEndObject();
    g.writeArrayFieldStart("security_group_ids");
    for (int i = 0; i < 3; i++) {
      g.writeString("sg-" + Long.toHexString(random.nextLong()));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ebs_block_device");
    for (int i = 0; i < 2; i++) {
      g.writeStartObject();
      g.writeStringField("device_name", "/dev/sd" + (char) ('f' + i));
      g.writeNumberField("volume_size", 100 * (i + 1));
      g.writeStringField("volume_type", "gp3");
      g.writeNumberField("iops", 3000);
      g.writeBooleanField("encrypted", true);
      g.writeBooleanField("delete_on_termination", true);
      g.writeStringField(
          "kms_key_id",
          "arn:aws:kms:eu-west-1:123456789012:key/" + Long.toHexString(random.nextLong()));
      g.writeNullField("snapshot_id");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("metadata_options");
    g.writeStringField("http_endpoint", "enabled");
    g.writeStringField("http_tokens", "required");
    g.writeNumberField("http_put_response_hop_limit", 1);
    g.writeEndObject();
    g.writeArrayFieldStart("environment_variables");
    for (int i = 0; i < 3; i++) {
      g.writeStartObject();
      g.writeStringField("name", "SETTING_" + i);
      random.nextBytes(buf);
      g.writeStringField("value", hex.formatHex(buf, 0, 12));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("description", "Generated resource " + r.index() + " (benchmark)");
    g.writeNumberField("cost_per_hour", Math.round(random.nextDouble() * 1000) / 100.0);
    g.writeEndObject();
  }
}
