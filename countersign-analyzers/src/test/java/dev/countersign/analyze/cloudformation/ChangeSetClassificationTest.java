package dev.countersign.analyze.cloudformation;

import static dev.countersign.analyze.cloudformation.ChangeSets.analyze;
import static dev.countersign.analyze.cloudformation.ChangeSets.change;
import static dev.countersign.analyze.cloudformation.ChangeSets.changeSet;
import static dev.countersign.analyze.cloudformation.ChangeSets.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How CloudFormation's actions, replacements and policy actions become verbs and findings. */
class ChangeSetClassificationTest {

  private static Finding finding(Analysis analysis, String code) {
    return analysis.findings().stream()
        .filter(f -> f.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + analysis.findings()));
  }

  @ParameterizedTest
  @CsvSource({
    "Add,,,create",
    "Modify,,,update",
    "Modify,False,,update",
    "Modify,True,ReplaceAndDelete,replace",
    "Modify,True,ReplaceAndRetain,replace",
    "Modify,True,ReplaceAndSnapshot,replace",
    "Modify,Conditional,,replace",
    "Modify,Sometimes,,replace",
    "Remove,,Delete,delete",
    "Remove,,Snapshot,delete",
    "Remove,,Retain,noop",
    "Import,,,create",
    "Dynamic,,,update",
    "Dynamic,True,,replace",
    "SyncWithActual,,,noop",
    "Teleport,,,update"
  })
  void actionReplacementAndPolicy_mapToAVerb(
      String action, String replacement, String policy, String verb) {
    String extra =
        (replacement == null ? "" : "\"Replacement\":\"" + replacement + "\"")
            + (replacement != null && policy != null ? "," : "")
            + (policy == null ? "" : "\"PolicyAction\":\"" + policy + "\"");
    assertThat(only(changeSet(change(action, "R", "AWS::SNS::Topic", extra))).verb())
        .isEqualTo(Verb.fromWire(verb));
  }

  @Test
  void conditionalReplacement_countsAsDestructiveWithAMayReplaceFinding() {
    Analysis analysis =
        analyze(
            changeSet(
                change("Modify", "Db", "AWS::RDS::DBInstance", "\"Replacement\":\"Conditional\"")));
    assertThat(analysis.destructive()).isTrue();
    assertThat(analysis.dataLoss()).isTrue();
    Finding mayReplace = finding(analysis, ChangeFindings.MAY_REPLACE);
    assertThat(mayReplace.severity()).isEqualTo(Severity.HIGH);
    assertThat(mayReplace.message()).contains("may be replaced").contains("Db");
    assertThat(finding(analysis, ChangeFindings.DATA_LOSS).message()).startsWith("Possibly");
  }

  @Test
  void removingADatabaseInstance_isDataLossAndRecreatesTheEnvironment() {
    Analysis analysis =
        analyze(changeSet(change("Remove", "OrdersDb", "AWS::RDS::DBInstance", "")));
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isTrue();
    assertThat(finding(analysis, Finding.RECREATE_ENVIRONMENT).address()).isEqualTo("OrdersDb");
    assertThat(finding(analysis, ChangeFindings.DATA_LOSS).message()).contains("a database");
  }

  @ParameterizedTest
  @CsvSource({
    "AWS::S3::Bucket,true,false",
    "AWS::DynamoDB::Table,true,false",
    "AWS::SQS::Queue,true,false",
    "AWS::KMS::Key,true,false",
    "AWS::EC2::VPC,false,true",
    "AWS::CloudFormation::Stack,true,true",
    "AWS::EKS::Cluster,true,true",
    "AWS::SNS::Topic,false,false",
    "AWS::IAM::Role,false,false"
  })
  void deletingAResourceType_losesDataOrTearsDownAnEnvironmentAsListed(
      String type, boolean dataLoss, boolean environment) {
    Analysis analysis = analyze(changeSet(change("Remove", "X", type, "")));
    assertThat(analysis.dataLoss()).as("data loss").isEqualTo(dataLoss);
    assertThat(analysis.recreateEnvironment()).as("environment").isEqualTo(environment);
  }

  @Test
  void retainedRemoval_isANoopThatSaysTheResourceKeepsRunning() {
    Analysis analysis =
        analyze(
            changeSet(change("Remove", "Logs", "AWS::S3::Bucket", "\"PolicyAction\":\"Retain\"")));
    assertThat(analysis.destructive()).isFalse();
    assertThat(analysis.mutating()).isFalse();
    assertThat(finding(analysis, ChangeFindings.RETAIN).message()).contains("unmanaged");
  }

  @Test
  void import_isACreateThatSaysNothingNewIsBuilt() {
    Action action = only(changeSet(change("Import", "Legacy", "AWS::S3::Bucket", "")));
    assertThat(action.verb()).isEqualTo(Verb.CREATE);
    assertThat(action.reason()).contains("imports").contains("nothing new is created");
  }

  @Test
  void dynamicAction_isReviewedAsAnUpdateWithAHighFinding() {
    Analysis analysis = analyze(changeSet(change("Dynamic", "Fn", "AWS::Lambda::Function", "")));
    assertThat(finding(analysis, ChangeFindings.DYNAMIC_ACTION).severity())
        .isEqualTo(Severity.HIGH);
  }

  @Test
  void unknownAction_isReviewedAsAnUpdateWithAHighFinding() {
    Analysis analysis = analyze(changeSet(change("Teleport", "Fn", "AWS::Lambda::Function", "")));
    assertThat(finding(analysis, ChangeFindings.UNKNOWN_CHANGE_ACTION).message())
        .contains("treated as update");
  }

  @Test
  void nestedStackWithItsOwnChangeSet_asksForThatChangeSet() {
    Analysis analysis =
        analyze(
            changeSet(
                change(
                    "Modify",
                    "Network",
                    "AWS::CloudFormation::Stack",
                    "\"ChangeSetId\":\"arn:aws:cloudformation:eu-west-1:1:changeSet/nested/2\"")));
    assertThat(finding(analysis, ChangeFindings.NESTED_CHANGE_SET).message())
        .contains("changeSet/nested/2");
  }

  @Test
  void hookInvocationEntry_isReportedNotDropped() {
    Analysis analysis =
        analyze(
            changeSet(
                change("Add", "A", "AWS::SNS::Topic", ""),
                "{\"Type\":\"HookInvocation\",\"HookInvocationCount\":1}"));
    assertThat(analysis.actions()).hasSize(1);
    assertThat(finding(analysis, ResourceChangeMapper.UNKNOWN_CHANGE_TYPE).message())
        .contains("HookInvocation");
  }

  @Test
  void failedChangeSet_saysSoWithItsReason() {
    String json =
        "{\"ChangeSetId\":\"x\",\"Status\":\"FAILED\",\"StatusReason\":\"The submitted"
            + " information didn't contain changes.\",\"Changes\":[]}";
    Analysis analysis = analyze(json);
    assertThat(analysis.actions()).isEmpty();
    assertThat(finding(analysis, ChangeSetFacts.CHANGE_SET_FAILED).message())
        .contains("didn't contain changes");
  }

  @Test
  void serviceTag_inTheAfterContext_namesTheService() {
    String after =
        "{\\\"Properties\\\":{\\\"Tags\\\":[{\\\"Key\\\":\\\"countersign.dev/service\\\","
            + "\\\"Value\\\":\\\"payments-api\\\"}]}}";
    Action action =
        only(
            changeSet(
                change("Modify", "Q", "AWS::SQS::Queue", "\"AfterContext\":\"" + after + "\"")));
    assertThat(action.service()).isEqualTo("payments-api");
  }

  @Test
  void tenDeletesOfThirteen_recreateTheEnvironmentByRatio() {
    String[] entries = new String[13];
    for (int i = 0; i < 13; i++) {
      entries[i] = change(i < 10 ? "Remove" : "Add", "R" + i, "AWS::SSM::Parameter", "");
    }
    assertThat(analyze(changeSet(entries)).recreateEnvironment()).isTrue();
  }
}
