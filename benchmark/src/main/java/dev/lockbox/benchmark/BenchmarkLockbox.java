package dev.lockbox.benchmark;

import dev.lockbox.api.ApiConfiguration;
import dev.lockbox.worker.WorkerConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The api and the worker in one JVM, as lockbox.jar's {@code LockboxApplication} runs them (without
 * the dev outbox page, which no benchmark call reads).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ApiConfiguration.class, WorkerConfiguration.class})
class BenchmarkLockbox {}
