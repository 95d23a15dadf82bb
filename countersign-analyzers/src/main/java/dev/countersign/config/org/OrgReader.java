package dev.countersign.config.org;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.Origin;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Principal;
import dev.countersign.directory.ServiceIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the org.yaml node tree into principals, checking ids and sponsors across sections. */
final class OrgReader {
  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@+-]{0,127}");

  private final Map<String, Origin> ids = new HashMap<>();
  private final Map<String, Human> humans = new HashMap<>();
  private final List<Principal> principals = new ArrayList<>();

  private OrgReader() {}

  static Directory read(YamlNode root) {
    YamlMapping org = root.asMapping().allowOnly("humans", "agents", "services");
    OrgReader reader = new OrgReader();
    org.optionalMappings("humans").forEach(reader::human);
    org.optionalMappings("agents").forEach(reader::agent);
    org.optionalMappings("services").forEach(reader::service);
    return Directory.of(reader.principals);
  }

  private void human(YamlMapping m) {
    m.allowOnly("id", "name", "level", "teams", "grants");
    String id = id(m);
    Level level = m.required("level").asScalar().asEnum(Level.class, "level");
    String name = m.optionalString("name").orElse(id);
    List<String> teams = m.strings("teams");
    Human human = new Human(id, name, level, teams, GrantReader.grants(m, false));
    humans.put(id, human);
    principals.add(human);
  }

  private void agent(YamlMapping m) {
    m.allowOnly("id", "sponsor", "model", "vendor", "grants");
    String id = id(m);
    String sponsor = m.string("sponsor");
    if (!humans.containsKey(sponsor)) {
      String what = ids.containsKey(sponsor) ? "is not a human" : "is not a known human";
      throw m.required("sponsor")
          .error(
              "sponsor "
                  + ConfigException.quote(sponsor)
                  + " "
                  + what
                  + " (an agent acts for a human listed under 'humans')");
    }
    String model = model(m.optionalString("vendor"), m.optionalString("model"));
    principals.add(new Agent(id, sponsor, model, GrantReader.grants(m, true)));
  }

  private void service(YamlMapping m) {
    m.allowOnly("id", "grants");
    String id = id(m);
    principals.add(new ServiceIdentity(id, GrantReader.grants(m, true)));
  }

  private String id(YamlMapping m) {
    YamlNode node = m.required("id");
    String id = node.asScalar().requiredString();
    if (!ID.matcher(id).matches()) {
      throw node.error(
          "id "
              + ConfigException.quote(id)
              + " must be letters, digits and . _ @ + - (at most 128,"
              + " starting with a letter or digit)");
    }
    Origin first = ids.putIfAbsent(id, node.origin());
    if (first != null) {
      throw node.error(
          "duplicate id " + ConfigException.quote(id) + " (first at line " + first.line() + ")");
    }
    return id;
  }

  /** Agent records hold one informative string: "vendor/model", or whichever is given. */
  private static String model(Optional<String> vendor, Optional<String> model) {
    if (vendor.isPresent() && model.isPresent()) {
      return model.get().startsWith(vendor.get() + "/")
          ? model.get()
          : vendor.get() + "/" + model.get();
    }
    return model.or(() -> vendor).orElse("");
  }
}
