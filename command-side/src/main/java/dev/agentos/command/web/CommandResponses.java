package dev.agentos.command.web;

import dev.agentos.command.CommandResult;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer every command endpoint gives: the id and version in the body, the version as ETag. */
public final class CommandResponses {

  private CommandResponses() {}

  public static ResponseEntity<CommandResult> created(String location, CommandResult result) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create(location))
        .eTag(IfMatch.etag(result.version()))
        .body(result);
  }

  public static ResponseEntity<CommandResult> ok(CommandResult result) {
    return ResponseEntity.ok().eTag(IfMatch.etag(result.version())).body(result);
  }
}
