package dev.agentos.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.auth.PayloadTooLargeException;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemJsonErrorControllerTest {

  private final ProblemJsonErrorController controller = new ProblemJsonErrorController();

  @Test
  void anErrorOutsideTheControllersIsProblemJsonWithItsStatus() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
    MockHttpServletResponse response = new MockHttpServletResponse();

    controller.error(request, response);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"status\":400", "problems/malformed")
        .doesNotContain("<html");
  }

  @Test
  void aBodyTooLargeForAFilterIs413AndAnythingElseUnforeseenIs500WithoutDetails() throws Exception {
    MockHttpServletRequest tooLarge = new MockHttpServletRequest("POST", "/error");
    tooLarge.setAttribute(
        RequestDispatcher.ERROR_EXCEPTION,
        new IllegalStateException(new PayloadTooLargeException(5)));
    MockHttpServletResponse answer = new MockHttpServletResponse();
    controller.error(tooLarge, answer);
    assertThat(answer.getStatus()).isEqualTo(413);
    assertThat(answer.getContentAsString()).contains("limit of 5 bytes");

    MockHttpServletRequest broken = new MockHttpServletRequest("GET", "/error");
    broken.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new NullPointerException("secret"));
    MockHttpServletResponse internal = new MockHttpServletResponse();
    controller.error(broken, internal);
    assertThat(internal.getStatus()).isEqualTo(500);
    assertThat(internal.getContentAsString()).doesNotContain("secret", "NullPointer");
  }
}
