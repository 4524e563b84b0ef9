package dev.lockbox.directory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectorySettings.class)
public class DirectoryConfiguration {

  @Bean
  Directory directory(DirectorySettings settings) {
    return new Directory(settings);
  }
}
