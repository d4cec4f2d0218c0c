package dev.agentos.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.agent.RegisterAgentRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemIdTest {

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void acceptsIdsSafeInAPathAndAKey() {
    assertThat(validator.validate(agent("claude-1.main:v2_x"))).isEmpty();
  }

  @Test
  void refusesIdsWithSlashesSpacesOrALeadingDotNamingTheField() {
    for (String bad : new String[] {"a/b", "a b", ".hidden", "x".repeat(129)}) {
      Set<ConstraintViolation<RegisterAgentRequest>> violations = validator.validate(agent(bad));
      assertThat(violations).as(bad).hasSize(1);
      ConstraintViolation<RegisterAgentRequest> violation = violations.iterator().next();
      assertThat(violation.getPropertyPath().toString()).isEqualTo("agentId");
      assertThat(violation.getMessage()).isEqualTo("must be 1-128 of A-Z a-z 0-9 . _ : -");
    }
  }

  private static RegisterAgentRequest agent(String agentId) {
    return new RegisterAgentRequest(agentId, null, "Agent", "client", null, null, null);
  }
}
