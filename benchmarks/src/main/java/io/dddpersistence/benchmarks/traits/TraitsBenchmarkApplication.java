package io.dddpersistence.benchmarks.traits;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The library side of the traits benchmark: the starter's auto-configuration and one entity. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = BenchItem.class)
@EnableJpaRepositories(basePackageClasses = BenchItem.class)
public class TraitsBenchmarkApplication {

}
