package dev.agentos.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

class ApiKeyDirectoryTest {

  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final ApiKeyDirectory directory = new ApiKeyDirectory(jdbc);

  @Test
  void anUnknownKeyIsLookedUpOnceNotOnEveryRequest() {
    when(jdbc.query(anyString(), any(RowMapper.class), anyString())).thenReturn(List.of());
    String madeUp = ApiKeys.generate();

    for (int i = 0; i < 50; i++) {
      assertThat(directory.authenticate(madeUp, Instant.now())).isEmpty();
    }

    verify(jdbc, times(1)).query(anyString(), any(RowMapper.class), eq(ApiKeys.hash(madeUp)));
  }

  @Test
  void aKeyIssuedAfterItWasTriedIsLookedUpAgainOnceForgotten() {
    when(jdbc.query(anyString(), any(RowMapper.class), anyString())).thenReturn(List.of());
    String key = ApiKeys.generate();
    directory.authenticate(key, Instant.now());

    directory.forget(List.of(ApiKeys.hash(key)));
    directory.authenticate(key, Instant.now());

    verify(jdbc, times(2)).query(anyString(), any(RowMapper.class), eq(ApiKeys.hash(key)));
  }

  @Test
  void eachUnknownKeyIsLookedUpOnItsOwn() {
    when(jdbc.query(anyString(), any(RowMapper.class), anyString())).thenReturn(List.of());

    directory.authenticate(ApiKeys.generate(), Instant.now());
    directory.authenticate(ApiKeys.generate(), Instant.now());

    verify(jdbc, times(2)).query(anyString(), any(RowMapper.class), anyString());
  }
}
