package io.dddpersistence.benchmarks.search.add;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A plain Boot application through the starter: the repositories need no annotation. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AddBenchmarkApplication {

}
