package dev.agentos.auth.web;

import dev.agentos.auth.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413: at once when Content-Length says so, and while
 * reading when a chunked body grows past it ({@link PayloadTooLargeException}, which the problem
 * handlers answer with 413), so an oversize request never reaches a handler whole.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

  private final long limit;

  public RequestBodyLimit(long limitBytes) {
    this.limit = limitBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      byte[] problem =
          ProblemBodies.json(
                  HttpStatus.PAYLOAD_TOO_LARGE.value(),
                  "payload-too-large",
                  new PayloadTooLargeException(limit).getMessage())
              .getBytes(StandardCharsets.UTF_8);
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(ProblemBodies.CONTENT_TYPE);
      // The unread body is not worth reading: close the connection after a complete answer, which
      // the client can read whole even while it is still sending.
      response.setHeader(HttpHeaders.CONNECTION, "close");
      response.setContentLength(problem.length);
      response.getOutputStream().write(problem);
      response.flushBuffer();
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          count(Math.max(n, 0));
          return n;
        }

        private void count(int n) {
          read += n;
          if (read > limit) {
            throw new PayloadTooLargeException(limit);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
