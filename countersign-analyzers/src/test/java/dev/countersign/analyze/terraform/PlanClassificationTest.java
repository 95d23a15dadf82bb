package dev.countersign.analyze.terraform;

import static dev.countersign.analyze.terraform.Plans.analyze;
import static dev.countersign.analyze.terraform.Plans.change;
import static dev.countersign.analyze.terraform.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanClassificationTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[\"delete\",\"create\"] | replace",
        "[\"create\",\"delete\"] | replace",
        "[\"no-op\"]            | noop",
        "[\"read\"]             | read",
        "[\"create\"]           | create",
        "[\"update\"]           | update",
        "[\"delete\"]           | delete",
        "[\"forget\"]           | noop",
        "[\"create\",\"forget\"] | create"
      })
  void terraformActionListMapsToOneVerb(String actions, String verb) {
    Analysis analysis = analyze(plan(change("aws_instance.web", "aws_instance", actions)));
    assertThat(analysis.actions())
        .singleElement()
        .extracting(Action::verb)
        .isEqualTo(Verb.fromWire(verb));
  }

  @Test
  void forget_isNoopWithAForgetWarning() {
    Analysis analysis = analyze(plan(change("aws_instance.web", "aws_instance", "[\"forget\"]")));
    assertThat(analysis.destructive()).isFalse();
    assertThat(analysis.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("forget");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("not destroyed");
            });
  }

  @Test
  void unknownActionList_isKeptAsUpdateWithAFinding() {
    Analysis analysis = analyze(plan(change("aws_instance.web", "aws_instance", "[\"teleport\"]")));
    Action action = analysis.actions().getFirst();
    assertThat(action.verb()).isEqualTo(Verb.UPDATE);
    assertThat(action.reason()).contains("teleport").contains("update");
    assertThat(analysis.hasFinding("unknown-plan-action")).isTrue();
  }

  @Test
  void unknownActionListMentioningDelete_failsSafeAsDelete() {
    Analysis analysis =
        analyze(
            plan(change("aws_db_instance.main", "aws_db_instance", "[\"delete\",\"archive\"]")));
    assertThat(analysis.actions().getFirst().verb()).isEqualTo(Verb.DELETE);
    assertThat(analysis.dataLoss()).isTrue();
  }

  @Test
  void deletingADatabaseInstance_isDataLossAndRecreatesTheEnvironment() {
    Analysis analysis =
        analyze(plan(change("aws_db_instance.main", "aws_db_instance", "[\"delete\"]")));
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isTrue();
    assertThat(analysis.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("data-loss");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.address()).isEqualTo("aws_db_instance.main");
            });
    assertThat(analysis.findings())
        .filteredOn(f -> f.code().equals(Finding.RECREATE_ENVIRONMENT))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void replacingAnS3Bucket_isDataLossButNotAnEnvironment() {
    Analysis analysis =
        analyze(plan(change("aws_s3_bucket.logs", "aws_s3_bucket", "[\"delete\",\"create\"]")));
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isFalse();
    assertThat(analysis.hasFinding("replace")).isTrue();
  }

  @Test
  void creatingAStatefulResource_isNotDataLoss() {
    Analysis analysis =
        analyze(
            plan(
                change(
                    "aws_db_instance.main", "aws_db_instance", "[\"create\"]", "null", "{}", "")));
    assertThat(analysis.actions().getFirst().stateful()).isTrue();
    assertThat(analysis.dataLoss()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "aws_vpc",
    "google_compute_network",
    "azurerm_resource_group",
    "kubernetes_namespace",
    "tfe_workspace",
    "aws_eks_cluster",
    "aws_cloudformation_stack",
    "google_sql_database_instance"
  })
  void deletingAnEnvironmentContainer_isRecreateEnvironment(String type) {
    Analysis analysis = analyze(plan(change(type + ".main", type, "[\"delete\"]")));
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "local_file",
    "random_password",
    "null_resource",
    "terraform_data",
    "aws_instance",
    "aws_iam_role"
  })
  void deletingAStatelessResource_isNotDataLoss(String type) {
    Analysis analysis = analyze(plan(change(type + ".x", type, "[\"delete\"]")));
    assertThat(analysis.destructive()).isTrue();
    assertThat(analysis.dataLoss()).isFalse();
  }

  @Test
  void replaceFinding_namesTheReplacePaths() {
    Analysis analysis =
        analyze(
            new String(
                Corpus.bytes("opentofu-opentofu__replace_within_list__plan.json"),
                java.nio.charset.StandardCharsets.UTF_8));
    assertThat(analysis.findings())
        .filteredOn(f -> f.code().equals("replace"))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("list[1].id");
  }

  @Test
  void actionReason_becomesTheReason() {
    Analysis analysis =
        TerraformPlans.analyzer()
            .analyze(
                Corpus.bytes("hashicorp-terraform-json__action_reason__plan.json"),
                InputLimits.defaults());
    assertThat(analysis.actions().getFirst().reason()).isEqualTo("replace_because_tainted");
  }

  @Test
  void dataSourceRead_keepsTheDataAddressAndSaysDataSource() {
    String read =
        "{\"address\":\"data.aws_ami.ubuntu\",\"mode\":\"data\",\"type\":\"aws_ami\",\"name\":\"ubuntu\","
            + "\"change\":{\"actions\":[\"read\"],\"before\":null,\"after\":{},\"after_unknown\":{}}}";
    Action action = analyze(plan(read)).actions().getFirst();
    assertThat(action.address()).isEqualTo("data.aws_ami.ubuntu");
    assertThat(action.resourceType()).isEqualTo("aws_ami");
    assertThat(action.reason()).contains("data source");
  }

  @Test
  void serviceTag_namesTheService() {
    String after =
        "{\"tags\":{\"countersign.dev/service\":\"payments-api\",\"service\":\"other\"}}";
    Action action =
        analyze(plan(change("aws_instance.web", "aws_instance", "[\"create\"]", "null", after, "")))
            .actions()
            .getFirst();
    assertThat(action.service()).isEqualTo("payments-api");
  }

  @Test
  void deletedResource_takesItsServiceFromBefore() {
    String before = "{\"labels\":{\"countersign-service\":\"search\"}}";
    Action action =
        analyze(
                plan(
                    change(
                        "google_storage_bucket.b",
                        "google_storage_bucket",
                        "[\"delete\"]",
                        before,
                        "null",
                        "")))
            .actions()
            .getFirst();
    assertThat(action.service()).isEqualTo("search");
  }

  @Test
  void untaggedResource_hasNoService() {
    assertThat(
            analyze(plan(change("aws_instance.web", "aws_instance", "[\"create\"]")))
                .actions()
                .getFirst()
                .service())
        .isEmpty();
  }

  @Test
  void resourceDrift_isCountedAsInfo() {
    Analysis analysis =
        TerraformPlans.analyzer()
            .analyze(
                Corpus.bytes("opentofu-opentofu__cloud__plan-json-full__plan-redacted.json"),
                InputLimits.defaults());
    assertThat(analysis.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("resource-drift");
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message()).startsWith("1 resource");
            });
  }

  @Test
  void actionInvocations_areReportedWithoutActions() {
    Analysis analysis =
        TerraformPlans.analyzer()
            .analyze(
                Corpus.bytes("hashicorp-terraform-json__actions__plan.json"),
                InputLimits.defaults());
    assertThat(analysis.actions()).isEmpty();
    assertThat(analysis.hasFinding("action-invocations")).isTrue();
  }

  @Test
  void planWithoutResourceChanges_hasNoActions() {
    assertThat(analyze("{\"format_version\":\"1.2\",\"planned_values\":{}}").actions()).isEmpty();
  }

  @Test
  void tenDeletesOutOfTwelve_isRecreateEnvironmentByRatio() {
    String[] changes = new String[12];
    for (int i = 0; i < 12; i++) {
      changes[i] =
          change("aws_instance.w" + i, "aws_instance", i < 10 ? "[\"delete\"]" : "[\"update\"]");
    }
    assertThat(analyze(plan(changes)).recreateEnvironment()).isTrue();
  }

  @Test
  void deposedObject_isNamedInTheReason() {
    Action action =
        analyze(
                plan(
                    change(
                        "aws_instance.web",
                        "aws_instance",
                        "[\"delete\"]",
                        "{}",
                        "null",
                        ",\"deposed\":\"00000001\"")))
            .actions()
            .getFirst();
    assertThat(action.reason()).contains("deposed object 00000001");
  }
}
