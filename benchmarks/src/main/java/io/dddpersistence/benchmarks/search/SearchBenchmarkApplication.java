package io.dddpersistence.benchmarks.search;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A non-web application with the starter's auto-configuration and the benchmark entity. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SearchBenchmarkApplication {

}
