package dev.countersign.analyze.shell;

import static dev.countersign.analyze.shell.Shell.actions;
import static dev.countersign.analyze.shell.Shell.analyze;
import static dev.countersign.analyze.shell.Shell.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each flagged pattern, and the read-only and unknown commands. */
class ShellRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rm -rf build",
        "rm -fr build",
        "rm -R build",
        "rm -r -f build",
        "rm --recursive build",
        "rm -rfv build",
        "rm -Rf -- build"
      })
  void recursiveRm_isAStatefulFileDelete(String command) {
    Action a = only(command);
    assertThat(a.verb()).isEqualTo(Verb.DELETE);
    assertThat(a.resourceType()).isEqualTo("file");
    assertThat(a.address()).isEqualTo("build");
    assertThat(a.stateful()).isTrue();
    assertThat(analyze(command).hasFinding("data-loss")).isTrue();
  }

  @Test
  void rmOfSeveralPaths_namesThemAll() {
    assertThat(only("rm -rf a b/c").address()).isEqualTo("a b/c");
  }

  @Test
  void plainRm_isADeleteWithoutDataLoss() {
    Analysis analysis = analyze("rm notes.txt");
    assertThat(analysis.destructive()).isTrue();
    assertThat(analysis.dataLoss()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rm -rf /",
        "rm -rf /*",
        "sudo rm -rf --no-preserve-root /",
        "rm -rf ~",
        "rm -rf ~/",
        "rm -rf .",
        "rm -rf *",
        "rm -rf /etc",
        "rm -rf \"$HOME\""
      })
  void recursiveRmOfATopLevelTree_recreatesTheEnvironment(String command) {
    assertThat(analyze(command).recreateEnvironment()).as(command).isTrue();
  }

  @Test
  void recursiveRmOfAProjectDirectory_doesNotRecreateTheEnvironment() {
    assertThat(analyze("rm -rf ./build/cache").recreateEnvironment()).isFalse();
  }

  @Test
  void xargsRm_deletesPathsFromStandardInput() {
    assertThat(actions("find . -name '*.tmp' | xargs -0 rm -rf"))
        .last()
        .satisfies(a -> assertThat(a.address()).isEqualTo("(paths from standard input)"))
        .satisfies(a -> assertThat(a.verb()).isEqualTo(Verb.DELETE));
  }

  @Test
  void findDeleteAndFindExecRm_areDeletes() {
    assertThat(only("find /var/log -mtime +7 -delete").verb()).isEqualTo(Verb.DELETE);
    assertThat(only("find . -name node_modules -exec rm -rf {} +").verb()).isEqualTo(Verb.DELETE);
    assertThat(only("find . -name '*.java'").verb()).isEqualTo(Verb.READ);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "terraform destroy",
        "terraform destroy -auto-approve",
        "tofu destroy",
        "terraform apply -destroy -auto-approve",
        "terraform -chdir=infra/prod destroy",
        "/usr/local/bin/terraform destroy"
      })
  void terraformDestroy_deletesTheWorkspaceAndRecreatesTheEnvironment(String command) {
    Analysis analysis = analyze(command);
    Action a = analysis.actions().getFirst();
    assertThat(a.verb()).isEqualTo(Verb.DELETE);
    assertThat(a.resourceType()).isEqualTo("terraform-workspace");
    assertThat(a.stateful()).isTrue();
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @Test
  void terraformDestroyWithChdir_namesTheDirectory() {
    assertThat(only("terraform -chdir=infra/prod destroy").address()).isEqualTo("infra/prod");
  }

  @Test
  void terraformDestroyOfATarget_deletesOnlyThatResource() {
    Analysis analysis = analyze("terraform destroy -target=module.web.aws_instance.app[0]");
    assertThat(analysis.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.resourceType()).isEqualTo("aws_instance");
              assertThat(a.stateful()).isFalse();
            });
    assertThat(analysis.recreateEnvironment()).isFalse();
  }

  @Test
  void terraformApplyReplace_replacesTheAddress() {
    Analysis analysis = analyze("terraform apply -replace=aws_db_instance.main -auto-approve");
    assertThat(analysis.actions())
        .filteredOn(a -> a.verb() == Verb.REPLACE)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.address()).isEqualTo("aws_db_instance.main");
              assertThat(a.resourceType()).isEqualTo("aws_db_instance");
              assertThat(a.stateful()).isTrue();
            });
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "terraform plan",
        "terraform plan -destroy",
        "tofu show -json plan.out",
        "terraform validate",
        "terraform state list",
        "terraform -version",
        "terraform fmt -check"
      })
  void terraformInspection_isRead(String command) {
    assertThat(only(command).verb()).isEqualTo(Verb.READ);
  }

  @Test
  void terraformApply_isExec() {
    assertThat(only("terraform apply plan.out").verb()).isEqualTo(Verb.EXEC);
  }

  @Test
  void terraformWorkspaceDelete_isAStatefulDelete() {
    Analysis analysis = analyze("terraform workspace delete -force staging");
    assertThat(analysis.actions().getFirst().address()).isEqualTo("staging");
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl delete ns prod",
        "kubectl delete namespace prod",
        "kubectl delete namespaces/prod",
        "kubectl --context prod-eu delete ns prod --wait=false",
        "oc delete ns/prod"
      })
  void kubectlDeleteNamespace_isStatefulAndRecreatesTheEnvironment(String command) {
    Analysis analysis = analyze(command);
    assertThat(analysis.actions())
        .anySatisfy(
            a -> {
              assertThat(a.resourceType()).isEqualTo("kubernetes/namespace");
              assertThat(a.address()).isEqualTo("prod");
              assertThat(a.stateful()).isTrue();
            });
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @Test
  void kubectlDeletePod_isADeleteInItsNamespace() {
    Action a = only("kubectl -n shop delete pod web-1 web-2");
    assertThat(a.verb()).isEqualTo(Verb.DELETE);
    assertThat(a.resourceType()).isEqualTo("kubernetes/pod");
    assertThat(a.address()).isEqualTo("shop/web-1 shop/web-2");
    assertThat(a.stateful()).isFalse();
  }

  @Test
  void kubectlDeleteOfAClaimAndAStatefulSet_isDataLoss() {
    Analysis analysis = analyze("kubectl delete pvc/data-0 sts/db -n shop");
    assertThat(analysis.actions())
        .extracting(Action::resourceType)
        .containsExactly("kubernetes/persistentvolumeclaim", "kubernetes/statefulset");
    assertThat(analysis.dataLoss()).isTrue();
  }

  @Test
  void kubectlDeleteFromAManifest_failsSafeAsStateful() {
    assertThat(only("kubectl delete -f app.yaml").stateful()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl get pods -A",
        "kubectl describe deploy web",
        "kubectl -n x logs web-1",
        "kubectl config view"
      })
  void kubectlInspection_isRead(String command) {
    assertThat(only(command).verb()).isEqualTo(Verb.READ);
  }

  @Test
  void psqlDropTable_isAStatefulTableDelete() {
    Action a = only("psql -h db -U app -d shop -c \"DROP TABLE IF EXISTS orders CASCADE\"");
    assertThat(a.verb()).isEqualTo(Verb.DELETE);
    assertThat(a.resourceType()).isEqualTo("sql-table");
    assertThat(a.address()).isEqualTo("orders");
    assertThat(a.stateful()).isTrue();
  }

  @Test
  void psqlDroppingTwoTables_givesTwoActions() {
    assertThat(actions("psql -c 'DROP TABLE a, b'"))
        .extracting(Action::address)
        .containsExactly("a", "b");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "psql -c 'DROP DATABASE shop'",
        "psql --command='DROP SCHEMA app CASCADE'",
        "mysql -u root -e 'DROP DATABASE shop'",
        "psql <<SQL\nDROP SCHEMA app CASCADE;\nSQL"
      })
  void droppingADatabaseOrSchema_recreatesTheEnvironment(String command) {
    Analysis analysis = analyze(command);
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql -u root -e 'TRUNCATE TABLE sessions' shop",
        "mysql -e\"truncate sessions\"",
        "psql -c 'DELETE FROM sessions'"
      })
  void truncateOrUnfilteredDelete_isAStatefulTableDelete(String command) {
    Action a = only(command);
    assertThat(a.verb()).isEqualTo(Verb.DELETE);
    assertThat(a.address()).isEqualTo("sessions");
    assertThat(a.stateful()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "psql -c 'SELECT count(*) FROM orders'",
        "psql -c 'SELECT 1 -- DROP TABLE x'",
        "mysql -e 'SHOW TABLES'",
        "psql -c \"SELECT 'DROP TABLE x; TRUNCATE y'\""
      })
  void readingSql_isRead(String command) {
    assertThat(actions(command)).extracting(Action::verb).containsOnly(Verb.READ);
  }

  @Test
  void sqlFromAFile_isExec() {
    assertThat(only("psql -f migrate.sql").verb()).isEqualTo(Verb.EXEC);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "git push --force",
        "git push -f origin main",
        "git push --force-with-lease origin main",
        "git push origin +main",
        "git push --mirror backup",
        "git push --force-with-lease=main:abc123 origin main",
        "git -C repo push -uf origin main"
      })
  void forcePush_isAStatefulReplaceOfAGitRef(String command) {
    Action a = only(command);
    assertThat(a.verb()).isEqualTo(Verb.REPLACE);
    assertThat(a.resourceType()).isEqualTo("git-ref");
    assertThat(a.stateful()).isTrue();
  }

  @Test
  void plainPush_isAnUpdate() {
    assertThat(only("git push origin main").verb()).isEqualTo(Verb.UPDATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"git push origin --delete feature", "git push origin :feature"})
  void deletingPush_isADelete(String command) {
    assertThat(only(command).verb()).isEqualTo(Verb.DELETE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ls -la",
        "cat README.md",
        "grep -rn TODO src",
        "git status",
        "git log --oneline -5",
        "git diff HEAD~1",
        "git branch -a",
        "pwd",
        "head -n 5 x | wc -l"
      })
  void readOnlyCommands_areRead(String command) {
    assertThat(actions(command)).extracting(Action::verb).containsOnly(Verb.READ);
  }

  @Test
  void unknownCommand_isExecWithAReason() {
    Action a = only("make deploy ENV=prod");
    assertThat(a.verb()).isEqualTo(Verb.EXEC);
    assertThat(a.reason()).contains("make");
  }

  @Test
  void gitCleanAndHardReset_loseUncommittedWork() {
    assertThat(analyze("git clean -fdx").dataLoss()).isTrue();
    assertThat(analyze("git reset --hard origin/main").dataLoss()).isTrue();
  }
}
