package dev.agentos.command;

/** A command on an aggregate of another tenant. Answered with HTTP 403; nothing changes. */
public class OutsideTenantException extends RuntimeException {

  public OutsideTenantException(String what) {
    super(what + " belongs to another tenant");
  }
}
