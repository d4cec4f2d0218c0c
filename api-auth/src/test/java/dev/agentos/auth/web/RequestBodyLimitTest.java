package dev.agentos.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.auth.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitTest {

  private final RequestBodyLimit limit = new RequestBodyLimit(10);

  @Test
  void aBodyWhoseLengthIsOverTheLimitIsAnswered413AtOnceAndTheConnectionClosed() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/x");
    request.setContent(new byte[11]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    limit.doFilter(request, response, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("Connection")).isEqualTo("close");
    assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    assertThat(response.getContentAsString()).contains("\"status\":413", "10 bytes");
  }

  @Test
  void aBodyWithoutALengthIsStoppedWhenItGrowsPastTheLimit() throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/v1/x") {
          @Override
          public long getContentLengthLong() {
            return -1; // chunked
          }
        };
    request.setContent(new byte[64]);
    FilterChain reader = (req, res) -> req.getInputStream().readAllBytes();

    assertThatThrownBy(() -> limit.doFilter(request, new MockHttpServletResponse(), reader))
        .isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void aBodyWithinTheLimitPasses() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/x");
    request.setContent(new byte[10]);
    FilterChain reader = (req, res) -> assertThat(req.getInputStream().readAllBytes()).hasSize(10);

    limit.doFilter(request, new MockHttpServletResponse(), reader);
  }
}
