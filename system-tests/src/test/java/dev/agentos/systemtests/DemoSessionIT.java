package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.demo.DemoSession;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./agentos demo} against the real system: every step of its session is accepted by the
 * command API, and its reads find the memories back through the query API (search by meaning, the
 * related graph, the history), through the one client the demo uses.
 */
@ExtendWith(LocalStackExtension.class)
class DemoSessionIT {

  @Test
  void theDemoSessionIsAcceptedAndReadBack(StackEndpoints stack) throws Exception {
    Tenants tenants = new Tenants(stack);
    String adminKey = tenants.newKey("st-demo-" + UUID.randomUUID(), "st-project", "ADMIN");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    new DemoSession(
            tenants.commandSideUrl(),
            tenants.querySideUrl(),
            adminKey,
            new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run();

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("events: 8 accepted, 0 rejected")
        .contains("3 memories stored")
        .contains("ROUND_HALF_UP for money")
        .containsPattern("-FIXES-> ")
        .containsPattern("v0 MemoryStored at .*: The checkout tests run with pytest;")
        .containsPattern("v1 MemoryUpdated at .*\\(fixed\\)");
  }
}
