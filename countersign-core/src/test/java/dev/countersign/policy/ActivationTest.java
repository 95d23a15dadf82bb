package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.StructType;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing map key is an error in CEL, so every declared field must have a value at run time. */
class ActivationTest {

  @Test
  void everyDeclaredField_hasAValueOfTheRightJavaType() {
    Fixtures.Input in = Fixtures.input().author(Fixtures.MIA).agent(Fixtures.KIRO);
    in.blastRadius = new BlastRadius(List.of(new ServiceImpact("payments-api", "payments", 1, true, true)));
    DecisionInput base = in.build();
    DecisionInput input = new DecisionInput(base.change(),
        dev.countersign.model.Analysis.of(base.analysis().kind(), base.analysis().actions(),
            List.of(new Finding(Severity.HIGH, "x", "y", "z")), base.analysis().blastRadius()),
        base.author(), base.agent(), base.actor(), base.now(), base.freezes());
    Activation activation = Activation.of(input);

    CelSchema.eligibleVariables().forEach((name, type) -> {
      Object value = name.equals("approver")
          ? Activation.person(Fixtures.SAM)
          : activation.find(name).orElseThrow(() -> new AssertionError("no variable " + name));
      check(name, type, value);
    });
  }

  private static void check(String path, CelType type, Object value) {
    if (type instanceof StructType struct) {
      assertThat(value).as(path).isInstanceOf(CelRecord.class);
      assertThat(((CelRecord) value).celType()).as(path).isEqualTo(struct);
      CelRecord record = (CelRecord) value;
      assertThat(record.value().keySet()).as(path).containsExactlyInAnyOrderElementsOf(struct.fieldNames());
      for (String field : struct.fieldNames()) {
        check(path + "." + field, struct.findField(field).orElseThrow().type(), record.select(field));
      }
    } else if (type instanceof ListType list) {
      assertThat(value).as(path).isInstanceOf(List.class);
      List<?> items = (List<?>) value;
      for (int i = 0; i < items.size(); i++) {
        check(path + "[" + i + "]", list.elemType(), items.get(i));
      }
    } else {
      switch (type.name()) {
        case "int" -> assertThat(value).as(path).isInstanceOf(Long.class);
        case "bool" -> assertThat(value).as(path).isInstanceOf(Boolean.class);
        case "string" -> assertThat(value).as(path).isInstanceOf(String.class);
        default -> assertThat(value).as(path).isNotNull();
      }
    }
  }
}
