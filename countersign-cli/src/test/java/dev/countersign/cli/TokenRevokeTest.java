package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.store.AuditRecord;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import dev.countersign.store.Tx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign token list|revoke}: a leaked agent token stops working at once, on a running server too. */
class TokenRevokeTest {
  @TempDir Path dataDir;

  private static final String LS = """
      {"session_id":"s1","cwd":"/tmp","hook_event_name":"PreToolUse","permission_mode":"default",
       "tool_name":"Bash","tool_input":{"command":"ls"},"tool_use_id":"t1"}""";

  private static int hookStatus(LiveServer server, String token) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/hooks/claude-code"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(LS)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  private CliRun token(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("token"));
    all.addAll(List.of(args));
    all.addAll(List.of("--data-dir", dataDir.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void revokedAgentToken_getsA401AtOnce_onTheRunningServer_andTheRevocationIsAudited() throws Exception {
    try (LiveServer server = new LiveServer(dataDir, Duration.ZERO)) {
      String agentToken = server.token("kiro-7", "--env", "production", "--service", "payments-api", "--label", "laptop");
      assertThat(hookStatus(server, agentToken)).isEqualTo(200);

      CliRun list = token("list", "--principal", "kiro-7");
      assertThat(list.exitCode()).as(list.err()).isZero();
      assertThat(list.out()).contains("\tactive\tlaptop\t");
      String id = list.out().strip().split("\t")[0];

      CliRun revoke = token("revoke", id, "--reason", "leaked in a CI log");
      assertThat(revoke.exitCode()).as(revoke.err()).isZero();
      assertThat(revoke.err()).contains("of 'kiro-7' is revoked");

      assertThat(hookStatus(server, agentToken)).isEqualTo(401);
      assertThat(token("list", "--principal", "kiro-7").out()).contains("\trevoked ");
      CliRun again = token("revoke", id);
      assertThat(again.exitCode()).isZero();
      assertThat(again.err()).contains("already revoked; nothing changed");
    }
    try (Store store = Store.open(StoreConfig.h2File(dataDir))) {
      List<AuditRecord> revoked = store.transaction((Tx tx) -> tx.audit().range(1, 10_000)).stream()
          .filter(a -> a.type().equals("token.revoked")).toList();
      assertThat(revoked).singleElement().satisfies(a -> {
        assertThat(a.actor()).isEqualTo("kiro-7");
        assertThat(a.payloadJson()).contains("leaked in a CI log");
      });
    }
  }

  @Test
  void unknownTokenId_isAnInputError_andNothingIsWritten() throws Exception {
    CliRun r = token("revoke", "tok_doesnotexist");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no token has the id 'tok_doesnotexist'");
    try (Store store = Store.open(StoreConfig.h2File(dataDir))) {
      assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq()).longValue()).isZero();
    }
  }
}
