package dev.agentos.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class ContextIdsTest {

  private final ContextIds ids = new ContextIds();

  private boolean check(MockHttpServletRequest request) {
    return ids.preHandle(request, new MockHttpServletResponse(), new Object());
  }

  @Test
  void aSessionOrTraceIdThatIsNotAnIdIsRefusedNamingTheHeader() {
    for (String header : new String[] {ContextIds.SESSION, ContextIds.TRACE}) {
      for (String value :
          new String[] {"a b c", "..", ".", "x".repeat(7000), "a/b", "ü", "a\u0000"}) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(header, value);

        assertThatThrownBy(() -> check(request))
            .as(header + ": " + value)
            .isInstanceOfSatisfying(
                InvalidContextIdException.class, e -> assertThat(e.field()).isEqualTo(header));
      }
    }
  }

  @Test
  void anIdOrNothingPasses() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader(ContextIds.SESSION, "session-42");
    request.addHeader(ContextIds.TRACE, "00-4bf92f3577b34da6-01");

    assertThat(check(request)).isTrue();
    assertThat(check(new MockHttpServletRequest())).isTrue();
  }

  @Test
  void aSessionSentTwiceIsRefused() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader(ContextIds.SESSION, "s1");
    request.addHeader(ContextIds.SESSION, "s2");

    assertThatThrownBy(() -> check(request)).hasMessageContaining("send it once");
  }

  @Test
  void aSessionInThePathThatIsNotAnIdIsRefusedNamingIt() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("sessionId", "a b c"));

    assertThatThrownBy(() -> check(request))
        .isInstanceOfSatisfying(
            InvalidContextIdException.class, e -> assertThat(e.field()).isEqualTo("sessionId"));
    request.setAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("sessionId", "session-42"));
    assertThat(check(request)).isTrue();
  }
}
