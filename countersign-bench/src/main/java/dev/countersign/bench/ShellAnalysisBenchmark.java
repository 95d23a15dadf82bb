package dev.countersign.bench;

import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.shell.ShellCommands;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Shell analysis of a realistic mix of 50 agent commands (reading, git, builds, kubectl, terraform,
 * docker, compound commands, a here-document commit message, SQL through psql), one thread, from
 * bytes to a full {@code Analysis} with content hashes. The score is commands per second. {@code
 * mixWithoutSqlClients} leaves out the three commands whose SQL goes to the SQL analyser
 * (JSqlParser), to show the shell analyser's own speed. Warm-up iterations last 5 s because
 * JSqlParser's generated parser needs about 15 s of use before it is compiled. Run: {@code java
 * -jar countersign-bench/target/benchmarks.jar ShellAnalysisBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ShellAnalysisBenchmark {

  static final String[] MIX = {
    "ls -la",
    "git status",
    "git diff --stat",
    "git log --oneline -10",
    "cat README.md",
    "grep -rn \"TODO\" src/",
    "rg -n \"retry\" src/main/java",
    "find . -name \"*.java\" | head -20",
    "npm test",
    "npm install",
    "mvn -q package -DskipTests",
    "kubectl get pods -n shop",
    "kubectl describe pod web-7d9f -n shop",
    "kubectl logs -f deploy/web -n shop --tail=100",
    "kubectl apply -f k8s/deployment.yaml",
    "kubectl rollout restart deployment/web -n shop",
    "kubectl delete pod web-1 -n shop",
    "terraform plan -out=tfplan",
    "terraform show -json tfplan",
    "terraform apply tfplan",
    "docker ps",
    "docker compose up -d",
    "docker logs web --tail 50",
    "cd /srv/app && git pull && npm ci",
    "rm -rf node_modules && npm install",
    "rm -rf build dist",
    "mkdir -p build/output",
    "cp config.example.yaml config.yaml",
    "sed -i 's/foo/bar/g' src/config.py",
    "echo \"done\" > /tmp/status.txt",
    "curl -s https://api.example.com/health | jq .status",
    "psql -h db -U app -d shop -c \"SELECT count(*) FROM orders\"",
    "psql -c \"DROP TABLE IF EXISTS tmp_import\"",
    "aws s3 ls s3://my-bucket/logs/",
    "aws sts get-caller-identity",
    "helm upgrade --install web ./chart -n shop -f values.yaml",
    "ssh prod 'sudo systemctl restart nginx'",
    "sudo systemctl status nginx",
    "git add -A && git commit -m \"Fix retry logic in payment client\"",
    "git commit -m \"$(cat <<'EOF'\nFix: handle empty cart\n\nCo-Authored-By: Claude"
        + " <noreply@anthropic.com>\nEOF\n)\"",
    "git push origin feature/retry",
    "python3 -m pytest tests/ -x -q",
    "go test ./...",
    "for f in *.yaml; do kubectl apply --dry-run=client -f \"$f\"; done",
    "FOO=1 timeout 30 ./scripts/check.sh",
    "bash -c \"cd /srv && ./deploy.sh\"",
    "find . -name '*.pyc' -delete",
    "docker exec -it db psql -U app -c 'SELECT 1'",
    "export KUBECONFIG=~/.kube/staging && kubectl get ns",
    "tail -n 200 /var/log/syslog | grep -i error"
  };

  private static final Analyzer ANALYZER = ShellCommands.analyzer();
  private static final InputLimits LIMITS = InputLimits.defaults();
  private static final byte[][] ALL = bytes(MIX);
  private static final byte[][] WITHOUT_SQL =
      bytes(Arrays.stream(MIX).filter(c -> !c.contains("psql")).toArray(String[]::new));

  private static byte[][] bytes(String[] commands) {
    byte[][] out = new byte[commands.length][];
    for (int i = 0; i < commands.length; i++) {
      out[i] = commands[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /** The whole mix; one operation is one command. */
  @Benchmark
  @OperationsPerInvocation(50)
  public void mix(Blackhole bh) {
    for (byte[] command : ALL) {
      bh.consume(ANALYZER.analyze(command, LIMITS));
    }
  }

  /** The mix without the three commands that hand SQL to the SQL analyser. */
  @Benchmark
  @OperationsPerInvocation(47)
  public void mixWithoutSqlClients(Blackhole bh) {
    for (byte[] command : WITHOUT_SQL) {
      bh.consume(ANALYZER.analyze(command, LIMITS));
    }
  }
}
