package dev.agentos.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.agents.ApiKeyScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class ApiKeyInterceptorTest {

  private static final Caller READER =
      new Caller("k1", "t1", "p1", "a1", Set.of(ApiKeyScope.MEMORY_READ));

  /** A directory that knows one key, without a database. */
  private static final class OneKey extends ApiKeyDirectory {
    private final Map<String, Caller> keys;

    OneKey(String key, Caller caller) {
      super(null);
      this.keys = Map.of(key, caller);
    }

    @Override
    public Optional<Caller> authenticate(String key, Instant now) {
      return Optional.ofNullable(keys.get(key));
    }
  }

  static final class Endpoints {
    @RequiresScope(ApiKeyScope.MEMORY_READ)
    public void read() {}

    @RequiresScope(ApiKeyScope.MEMORY_WRITE)
    public void write() {}

    public void undeclared() {}
  }

  private final ApiKeyInterceptor interceptor =
      new ApiKeyInterceptor(
          new OneKey("aos_good", READER), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  private static HandlerMethod endpoint(String name) throws NoSuchMethodException {
    return new HandlerMethod(new Endpoints(), Endpoints.class.getMethod(name));
  }

  private boolean call(MockHttpServletRequest request, String endpoint) throws Exception {
    return interceptor.preHandle(request, new MockHttpServletResponse(), endpoint(endpoint));
  }

  @Test
  void aKnownKeyWithTheScopeLetsTheCallThroughAsItsCaller() throws Exception {
    MockHttpServletRequest bearer = new MockHttpServletRequest();
    bearer.addHeader("Authorization", "Bearer aos_good");
    MockHttpServletRequest header = new MockHttpServletRequest();
    header.addHeader("X-API-Key", "aos_good");

    assertThat(call(bearer, "read")).isTrue();
    assertThat(bearer.getAttribute(ApiKeyInterceptor.CALLER)).isEqualTo(READER);
    assertThat(call(header, "read")).isTrue();
  }

  @Test
  void theBearerSchemeIsReadInAnyCase() throws Exception {
    for (String scheme : new String[] {"bearer", "BEARER", "bEaReR"}) {
      MockHttpServletRequest request = new MockHttpServletRequest();
      request.addHeader("Authorization", scheme + " aos_good");

      assertThat(call(request, "read")).as(scheme).isTrue();
      assertThat(request.getAttribute(ApiKeyInterceptor.CALLER)).isEqualTo(READER);
    }
  }

  @Test
  void noKeyOrAnUnknownOneIsUnauthenticated() {
    MockHttpServletRequest none = new MockHttpServletRequest();
    MockHttpServletRequest unknown = new MockHttpServletRequest();
    unknown.addHeader("Authorization", "Bearer aos_bad");

    assertThatThrownBy(() -> call(none, "read"))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessageContaining("Authorization: Bearer");
    assertThatThrownBy(() -> call(unknown, "read"))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessageContaining("unknown, revoked or expired");
  }

  @Test
  void aKeyWithoutTheEndpointsScopeIsForbiddenAndNamesIt() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer aos_good");

    assertThatThrownBy(() -> call(request, "write"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("MEMORY_WRITE");
  }

  @Test
  void anEndpointThatDeclaresNoScopeIsAnErrorNotOpen() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer aos_good");

    assertThatThrownBy(() -> call(request, "undeclared"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RequiresScope");
  }
}
