package dev.agentos.executor.service;

import dev.agentos.executor.intake.RequestIntake;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the intake on a thread of its own from the application's start; at the stop it takes no new
 * request and waits for the running ones to be recorded (see {@link ExecutorProperties}).
 */
final class IntakeThread implements SmartLifecycle {

  private final RequestIntake intake;
  private final Producer<?, ?> deadLetters;
  private Thread thread;

  IntakeThread(RequestIntake intake, Producer<?, ?> deadLetters) {
    this.intake = intake;
    this.deadLetters = deadLetters;
  }

  @Override
  public synchronized void start() {
    thread = new Thread(intake, "intake");
    thread.start();
  }

  @Override
  public synchronized void stop() {
    intake.stop();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deadLetters.close();
      thread = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return thread != null;
  }

  int running() {
    return intake.running();
  }
}
