package dev.agentos.projections;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The projections: Axon event processors that read Kafka and write the read models. */
@SpringBootApplication
public class ProjectionsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProjectionsApplication.class, args);
  }
}
