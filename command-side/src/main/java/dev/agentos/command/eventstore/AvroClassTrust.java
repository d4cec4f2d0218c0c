package dev.agentos.command.eventstore;

import dev.agentos.schemas.avro.GeneratedAvroClasses;
import org.apache.avro.util.ClassSecurityValidator;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's AvroSerializer resolves every stored type through Avro's class loader, which refuses
 * untrusted classes since Avro 1.11.4: the generated events, and also Axon's {@link MetaData} that
 * the serializer hands to its Jackson delegate. Trusting them happens before any bean exists, so
 * the first event store read already works.
 */
@Configuration(proxyBeanMethods = false)
public class AvroClassTrust {

  @Bean
  static BeanFactoryPostProcessor trustEventStoreClasses() {
    return beanFactory -> trust();
  }

  public static synchronized void trust() {
    GeneratedAvroClasses.trust();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(),
            ClassSecurityValidator.builder().add(MetaData.class).build()));
  }
}
