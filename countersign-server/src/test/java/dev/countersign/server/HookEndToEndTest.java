package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.TestServer.Response;
import dev.countersign.store.AuditRecord;
import dev.countersign.server.agent.WorkdirRules;
import dev.countersign.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/hooks/claude-code} end to end: a real server, a real H2 database, real HTTP, the
 * default policy pack and the test organisation (agent kiro-7, sponsor mia, may read, create,
 * update and exec in production but not delete).
 */
class HookEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHANGE_ID = Pattern.compile("ch_[0-9A-Z]{26}");
  private static final String RESTART = "kubectl rollout restart deployment/web -n shop";

  @TempDir Path dir;
  private TestServer server;

  private TestServer start(AgentGate.Hold hold) {
    server = new TestServer(StoreConfig.h2File(dir), hold);
    return server;
  }

  private TestServer start() {
    return start(AgentGate.Hold.none());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String payload(String event, String tool, String inputJson, String permissionMode) {
    try {
      ObjectNode p = JSON.createObjectNode();
      p.put("session_id", "sess-1");
      p.put("transcript_path", "/home/dev/.claude/projects/x.jsonl");
      p.put("cwd", "/home/dev/shop");
      p.put("permission_mode", permissionMode);
      p.put("hook_event_name", event);
      p.put("tool_name", tool);
      p.set("tool_input", JSON.readTree(inputJson));
      p.put("tool_use_id", "toolu_1");
      return p.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String bash(String command) {
    return payload("PreToolUse", "Bash", JSON.createObjectNode().put("command", command).toString(), "default");
  }

  private Response hook(String token, String body) {
    return server.post("/v1/hooks/claude-code", token, body);
  }

  private static String decision(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("hookSpecificOutput").path("hookEventName").asText()).isEqualTo("PreToolUse");
    return r.json().path("hookSpecificOutput").path("permissionDecision").asText();
  }

  private static String reason(Response r) {
    return r.json().path("hookSpecificOutput").path("permissionDecisionReason").asText();
  }

  private static String changeId(Response r) {
    Matcher m = CHANGE_ID.matcher(reason(r));
    assertThat(m.find()).as(reason(r)).isTrue();
    return m.group();
  }

  private String kiro() {
    return server.scopedToken("kiro-7", "production", "payments-api");
  }

  private Response review(String who, String changeId, String verdict) {
    String digest = server.get("/v1/changes/" + changeId, server.token(who)).json().path("digest").asText();
    Response r = server.post("/v1/changes/" + changeId + "/reviews", server.token(who),
        "{\"verdict\":\"" + verdict + "\",\"digest\":\"" + digest + "\",\"comment\":\"checked\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  private List<JsonNode> hookAudit() {
    List<JsonNode> out = new ArrayList<>();
    for (AuditRecord a : server.store.transaction(tx -> tx.audit().range(1, 1000))) {
      if (a.type().equals("hook.decided")) {
        try {
          out.add(JSON.readTree(a.payloadJson()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  @Test
  void destructiveCommandInProduction_isDenied_namingTheRule() {
    start();
    Response r = hook(kiro(), bash("rm -rf ./prod-env"));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).startsWith("Countersign: ").contains("agent-least-privilege");
  }

  @Test
  void harmlessCommand_isAllowed() {
    start();
    Response r = hook(kiro(), bash("ls -la"));

    assertThat(decision(r)).isEqualTo("allow");
    assertThat(reason(r)).contains("low-risk-passes");
  }

  @Test
  void commandThatNeedsApproval_isDenied_withTheChangeIdAndHowToApprove() {
    start();
    Response r = hook(kiro(), bash(RESTART));

    assertThat(decision(r)).isEqualTo("deny");
    String id = changeId(r);
    assertThat(reason(r)).contains("ai-assisted-production-needs-senior").contains("countersign approve " + id);
    Response change = server.get("/v1/changes/" + id, server.token("sam"));
    assertThat(change.json().path("state").asText()).isEqualTo("pending");
    assertThat(change.json().path("author").asText()).as("an agent's author is its sponsor").isEqualTo("mia");
    assertThat(change.json().path("agent").asText()).isEqualTo("kiro-7");
    assertThat(change.json().path("environment").asText()).isEqualTo("production");
  }

  @Test
  void retryBeforeApproval_pointsToTheSamePendingChange() {
    start();
    String token = kiro();
    String first = changeId(hook(token, bash(RESTART)));
    String second = changeId(hook(token, bash(RESTART)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void approvedCall_isAllowedExactlyOnce_thenNeedsApprovalAgain() {
    start();
    String token = kiro();
    String id = changeId(hook(token, bash(RESTART)));
    review("sam", id, "approve");

    Response once = hook(token, bash(RESTART));
    Response again = hook(token, bash(RESTART));

    assertThat(decision(once)).isEqualTo("allow");
    assertThat(reason(once)).contains(id).contains("approved by sam");
    assertThat(decision(again)).isEqualTo("deny");
    assertThat(changeId(again)).isNotEqualTo(id);
  }

  @Test
  void approvalOfOneCommand_doesNotAllowAnother() {
    start();
    String token = kiro();
    review("sam", changeId(hook(token, bash(RESTART))), "approve");

    Response other = hook(token, bash("kubectl rollout restart deployment/api -n shop"));

    assertThat(decision(other)).isEqualTo("deny");
  }

  @Test
  void concurrentRetriesOfOneApprovedCall_onlyOneIsAllowed() throws Exception {
    start();
    String token = kiro();
    review("sam", changeId(hook(token, bash(RESTART))), "approve");

    List<CompletableFuture<String>> retries = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      retries.add(CompletableFuture.supplyAsync(() -> decision(hook(token, bash(RESTART)))));
    }
    List<String> answers = new ArrayList<>();
    for (CompletableFuture<String> f : retries) {
      answers.add(f.get());
    }

    assertThat(answers).containsOnlyOnce("allow");
  }

  @Test
  void rejectedCall_isDeniedOnRetry_namingTheRejection() {
    start();
    String token = kiro();
    String id = changeId(hook(token, bash(RESTART)));
    review("sam", id, "reject");

    Response r = hook(token, bash(RESTART));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains(id).contains("rejected by sam");
  }

  @Test
  void heldCall_isAllowed_whenASeniorApprovesWhileItWaits() throws Exception {
    start(new AgentGate.Hold(Duration.ofSeconds(60), Duration.ofSeconds(1), d -> {
      Thread.sleep(20);
      server.advance(d);
    }));
    String token = kiro();
    CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> hook(token, bash(RESTART)));
    String id = awaitPendingChange();
    review("priya", id, "approve");

    Response r = held.get();

    assertThat(decision(r)).isEqualTo("allow");
    assertThat(reason(r)).contains(id);
  }

  @Test
  void heldCallThatNobodyApproves_isDenied_whenTheBudgetRunsOut() {
    start(new AgentGate.Hold(Duration.ofSeconds(3), Duration.ofSeconds(1), d -> server.advance(d)));
    Response r = hook(kiro(), bash(RESTART));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains("still pending after 3 s").contains("countersign approve");
  }

  private String awaitPendingChange() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      JsonNode list = server.get("/v1/changes?state=pending", server.token("sam")).json().path("changes");
      if (list.size() > 0) {
        return list.get(0).path("id").asText();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no pending change appeared");
  }

  @Test
  void callWithoutToken_isUnauthorized() {
    start();
    assertThat(hook(null, bash("ls")).status()).isEqualTo(401);
    assertThat(hook("cs_unknown", bash("ls")).status()).isEqualTo(401);
  }

  @Test
  void tokenWithoutScope_isDenied_sayingHowToScopeIt() {
    start();
    Response r = hook(server.token("kiro-7"), bash("ls"));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains("no target scope").contains("countersign token create --principal kiro-7 --env");
  }

  @Test
  void humanToken_isDenied() {
    start();
    Response r = hook(server.scopedToken("mia", "production", "payments-api"), bash("ls"));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains("agent's token").contains("'mia' is a human");
  }

  @Test
  void garbagePayload_isDenied_notABadRequest() {
    start();
    for (String body : List.of("garbage", "{}", "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\"}", "")) {
      Response r = hook(kiro(), body);

      assertThat(decision(r)).as(body).isEqualTo("deny");
      assertThat(reason(r)).as(body).startsWith("Countersign: denied, the hook request");
    }
  }

  @Test
  void unknownToolInProduction_needsAHuman() {
    start();
    Response r = hook(kiro(), payload("PreToolUse", "Teleport", "{\"to\":\"prod\"}", "default"));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains("opaque-agent-command-in-production-needs-human");
  }

  @Test
  void agentWritingItsOwnHookSettings_isDenied() {
    start();
    Response r = hook(kiro(), payload("PreToolUse", "Write",
        "{\"file_path\":\"/home/dev/shop/.claude/settings.json\",\"content\":\"{}\"}", "acceptEdits"));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains("no-agent-edits-to-its-guard-config");
  }

  @Test
  void readingAFile_isAllowed() {
    start();
    Response r = hook(kiro(), payload("PreToolUse", "Read", "{\"file_path\":\"/home/dev/shop/README.md\"}", "default"));

    assertThat(decision(r)).isEqualTo("allow");
  }

  @Test
  void requestNarrowingToAServiceOfTheScope_isUsed_butWideningIsDenied() {
    start();
    String token = server.scopedToken("kiro-7", "production", "payments-api", "ledger");

    Response narrowed = server.post("/v1/hooks/claude-code?service=ledger", token, bash("ls"));
    Response widened = server.post("/v1/hooks/claude-code?service=checkout", token, bash("ls"));
    Response otherEnv = server.post("/v1/hooks/claude-code?environment=staging", token, bash("ls"));

    assertThat(decision(narrowed)).isEqualTo("allow");
    assertThat(decision(widened)).isEqualTo("deny");
    assertThat(reason(widened)).contains("never widen");
    assertThat(decision(otherEnv)).isEqualTo("deny");
    assertThat(hookAudit().get(0).path("services").toString()).isEqualTo("[\"ledger\"]");
  }

  private static String bashIn(String cwd, String command) {
    try {
      ObjectNode p = (ObjectNode) JSON.readTree(bash(command));
      return p.put("cwd", cwd).toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void repositoryNarrowing_fromTheRelay_narrowsAfterTheUrl_andCannotWiden() {
    start();
    String token = server.scopedToken("kiro-7", "production", "payments-api", "ledger");

    Response narrowed = server.post("/v1/hooks/claude-code?repo-service=ledger", token, bash("ls"));
    Response otherEnv = server.post("/v1/hooks/claude-code?repo-environment=staging", token, bash("ls"));
    Response beyondUrl = server.post("/v1/hooks/claude-code?service=ledger&repo-service=payments-api", token, bash("ls"));

    assertThat(decision(narrowed)).isEqualTo("allow");
    assertThat(hookAudit().get(0).path("services").toString()).isEqualTo("[\"ledger\"]");
    assertThat(decision(otherEnv)).isEqualTo("deny");
    assertThat(reason(otherEnv)).contains("the repository's .countersign.yaml asks for environment 'staging'")
        .contains("never widen");
    assertThat(decision(beyondUrl)).isEqualTo("deny");
    assertThat(reason(beyondUrl)).contains("service 'payments-api'").contains("[ledger]");
  }

  @Test
  void serverWorkdirRules_narrowByTheAgentsWorkingDirectory_andNeverWiden() {
    server = new TestServer(StoreConfig.h2File(dir), AgentGate.Hold.none(), WorkdirRules.parse("""
        # checkouts of the ledger service act on it alone; the staging checkout is staging
        /home/dev/ledger/**   service=ledger
        /home/dev/staging/**  environment=staging
        """, "workdirs.txt"));
    String token = server.scopedToken("kiro-7", "production", "payments-api", "ledger");

    Response inLedger = hook(token, bashIn("/home/dev/ledger/src", "ls"));
    Response inLedgerRoot = hook(token, bashIn("/home/dev/ledger", "ls"));
    Response inStaging = hook(token, bashIn("/home/dev/staging", "ls"));
    Response sneaky = hook(token, bashIn("/home/dev/ledger/../shop", "ls"));

    assertThat(decision(inLedger)).isEqualTo("allow");
    assertThat(decision(inLedgerRoot)).isEqualTo("allow");
    assertThat(decision(inStaging)).isEqualTo("deny");
    assertThat(reason(inStaging)).contains("working-directory rule /home/dev/staging/** (workdirs.txt:3)")
        .contains("environment 'staging'");
    assertThat(decision(sneaky)).isEqualTo("allow");
    List<JsonNode> audit = hookAudit();
    assertThat(audit.get(0).path("services").toString()).isEqualTo("[\"ledger\"]");
    assertThat(audit.get(1).path("services").toString()).isEqualTo("[\"ledger\"]");
    assertThat(audit.get(3).path("services").toString()).as("../ leaves the ledger checkout: the whole scope")
        .isEqualTo("[\"payments-api\",\"ledger\"]");
  }

  @Test
  void everyAnswer_isAudited_withAgentSponsorSessionToolDigestAndRule() {
    start();
    String token = kiro();
    hook(token, bash("rm -rf ./prod-env"));
    hook(token, bash("ls"));
    hook(token, payload("PreToolUse", "Bash", "{\"command\":\"ls\"}", "bypassPermissions"));

    List<JsonNode> events = hookAudit();

    assertThat(events).hasSize(3);
    JsonNode denied = events.get(0);
    assertThat(denied.path("answer").asText()).isEqualTo("deny");
    assertThat(denied.path("agent").asText()).isEqualTo("kiro-7");
    assertThat(denied.path("sponsor").asText()).isEqualTo("mia");
    assertThat(denied.path("session").asText()).isEqualTo("sess-1");
    assertThat(denied.path("tool").asText()).isEqualTo("Bash");
    assertThat(denied.path("inputDigest").asText()).startsWith("sha256:");
    assertThat(denied.path("rules").toString()).contains("agent-least-privilege");
    assertThat(events.get(1).path("answer").asText()).isEqualTo("allow");
    assertThat(events.get(2).path("permissionMode").asText()).isEqualTo("bypassPermissions");
  }

  @Test
  void permissionRequest_isAnsweredInItsOwnShape() {
    start();
    Response r = hook(kiro(), payload("PermissionRequest", "Bash", "{\"command\":\"rm -rf ./prod-env\"}", "default"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode d = r.json().path("hookSpecificOutput");
    assertThat(d.path("hookEventName").asText()).isEqualTo("PermissionRequest");
    assertThat(d.path("decision").path("behavior").asText()).isEqualTo("deny");
    assertThat(d.path("decision").path("message").asText()).contains("agent-least-privilege");
  }

  @Test
  void databaseDown_isADeny_notAnError() {
    start();
    String token = kiro();
    server.store.close();

    Response r = hook(token, bash("ls"));

    assertThat(decision(r)).isEqualTo("deny");
    assertThat(reason(r)).contains("database");
  }
}
