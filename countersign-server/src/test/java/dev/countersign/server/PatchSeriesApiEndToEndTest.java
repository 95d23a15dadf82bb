package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.TestServer.Response;
import dev.countersign.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git patch series ({@code git format-patch --stdout A..B}, made with the real git) posted to the
 * API with kind {@code git}: the server has no repository, only the bytes.
 */
class PatchSeriesApiEndToEndTest {

  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(StoreConfig.h2File(dir.resolve("db")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void patchSeries_isAnalysedWithItsAiProvenance() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("a.txt"), "one\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "initial");
    Files.writeString(repo.resolve("a.txt"), "one\ntwo\n");
    Files.writeString(repo.resolve("b.txt"), "b\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "add b\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    String series = git(repo, "format-patch", "--stdout", "HEAD~1..HEAD");

    ObjectMapper mapper = new ObjectMapper();
    ObjectNode body = mapper.createObjectNode();
    body.put("kind", "git");
    body.put("environment", "staging");
    body.putArray("services").add("payments-api");
    body.put("aiAssisted", true);
    body.put("title", "add b");
    body.put("content", series);
    Response r = server.post("/v1/changes", server.token("mia"), mapper.writeValueAsString(body));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    com.fasterxml.jackson.databind.JsonNode analysis = r.json().path("analysis");
    assertThat(analysis.path("kind").asText()).as(r.body()).isEqualTo("git");
    List<String> codes = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    analysis.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    analysis.path("findings").forEach(f -> messages.add(f.path("message").asText()));
    assertThat(codes).as(r.body()).contains("ai-assisted", "ai-provenance");
    assertThat(messages)
        .anySatisfy(
            m -> assertThat(m).contains("claude-code").contains("noreply@anthropic.com"));
    List<String> files = new ArrayList<>();
    analysis.path("actions").forEach(a -> files.add(a.path("address").asText()));
    assertThat(files).containsExactlyInAnyOrder("a.txt", "b.txt");
  }

  private static String git(Path repo, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of("-c", "user.name=Mia Park", "-c", "user.email=mia@example.com"));
    command.addAll(List.of("-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", repo.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
