package dev.countersign.config.policy;

import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Change;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.Review;
import dev.countersign.policy.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads one test of a policy test file into decision inputs and an expectation. */
final class PolicyTestCaseReader {
  private static final String[] TEST_FIELDS = {
    "name", "now", "change", "author", "agent", "analysis", "reviews", "freezes", "expect"
  };

  private PolicyTestCaseReader() {}

  static PolicyTestCase read(YamlMapping t, String source, Directory directory, List<FreezeWindow> calendar) {
    t.allowOnly(TEST_FIELDS);
    String name = t.string("name");
    Instant now = t.instant("now");
    YamlMapping c = t.mapping("change").allowOnly("kind", "environment", "services", "aiAssisted", "title");
    ChangeKind kind = c.optionalString("kind").map(k -> kind(c, k)).orElse(ChangeKind.TERRAFORM_PLAN);
    Analysis analysis = analysis(kind, t.optionalMapping("analysis"));
    Human author = author(t, directory);
    Optional<String> agentId = t.optionalString("agent");
    Optional<Agent> agent = agentId.flatMap(directory::agent);
    String environment = c.string("environment");
    List<String> services = c.optionalStrings("services");
    String digest = ChangeDigest.of(kind, environment, services, analysis.actions());
    Change change = new Change(name, kind, environment, services, author.id(), agentId.orElse(""),
        c.bool("aiAssisted", false), c.optionalString("title").orElse(name), digest);
    Principal actor = agent.<Principal>map(a -> a).orElse(author);
    List<FreezeWindow> freezes = t.has("freezes") ? CalendarYaml.freezes(t.mappings("freezes")) : calendar;
    DecisionInput input = new DecisionInput(change, analysis, author, agent, actor, now, freezes);
    List<Review> reviews = t.optionalMappings("reviews").stream().map(r -> review(r, digest, now)).toList();
    return new PolicyTestCase(source, name, t.origin().position(), input, reviews, directory, expectation(t.mapping("expect")));
  }

  private static Human author(YamlMapping t, Directory directory) {
    String id = t.string("author");
    return directory.human(id).orElseThrow(
        () -> t.required("author").error("author '" + id + "' is not a human in the test's org"));
  }

  private static ChangeKind kind(YamlMapping c, String word) {
    return ChangeKind.fromWire(word).orElseThrow(
        () -> c.required("kind").error("unknown change kind '" + word + "'"));
  }

  private static Analysis analysis(ChangeKind kind, Optional<YamlMapping> node) {
    if (node.isEmpty()) {
      return Analysis.of(kind, List.of(), List.of(), BlastRadius.none());
    }
    YamlMapping a = node.get().allowOnly("actions", "findings", "blastRadius");
    List<Action> actions = a.optionalMappings("actions").stream().map(PolicyTestCaseReader::action).toList();
    List<Finding> findings = a.optionalMappings("findings").stream().map(PolicyTestCaseReader::finding).toList();
    List<ServiceImpact> services = a.optionalMapping("blastRadius")
        .map(b -> b.allowOnly("services").optionalMappings("services").stream().map(PolicyTestCaseReader::service).toList())
        .orElse(List.of());
    return Analysis.of(kind, actions, findings, new BlastRadius(services));
  }

  private static Action action(YamlMapping m) {
    m.allowOnly("verb", "resourceType", "address", "service", "stateful");
    String word = m.string("verb");
    Verb verb;
    try {
      verb = Verb.fromWire(word);
    } catch (IllegalArgumentException e) {
      throw m.required("verb").error(e.getMessage());
    }
    return new Action(verb, m.optionalString("resourceType").orElse(""), m.string("address"),
        m.optionalString("service").orElse(""), m.bool("stateful", false), "", "");
  }

  private static Finding finding(YamlMapping m) {
    m.allowOnly("code", "severity", "message", "address");
    String code = m.string("code");
    Severity severity = m.enumValue("severity", Severity.class, "severity");
    return new Finding(severity, code, m.optionalString("message").orElse(code), m.optionalString("address").orElse(""));
  }

  private static ServiceImpact service(YamlMapping m) {
    m.allowOnly("id", "owner", "tier", "customerFacing", "direct");
    return new ServiceImpact(m.string("id"), m.optionalString("owner").orElse(""),
        m.optionalInteger("tier").orElse(0), m.bool("customerFacing", false), m.bool("direct", true));
  }

  private static Review review(YamlMapping m, String digest, Instant now) {
    m.allowOnly("reviewer", "verdict", "digest", "at", "comment");
    Verdict verdict = m.enumValue("verdict", Verdict.class, "verdict");
    return new Review(m.string("reviewer"), verdict, m.optionalString("digest").orElse(digest),
        m.optionalString("comment").orElse(""), m.optionalInstant("at").orElse(now));
  }

  private static PolicyTestCase.Expectation expectation(YamlMapping m) {
    m.allowOnly("decision", "matched", "notMatched", "outstanding", "reasonsContain");
    Outcome outcome = m.enumValue("decision", Outcome.class, "decision");
    Optional<Integer> outstanding = m.optionalInteger("outstanding");
    if (outstanding.isPresent() && outstanding.get() < 0) {
      throw m.required("outstanding").error("outstanding cannot be negative");
    }
    return new PolicyTestCase.Expectation(outcome, m.optionalStrings("matched"), m.optionalStrings("notMatched"),
        outstanding, m.optionalStrings("reasonsContain"));
  }
}
