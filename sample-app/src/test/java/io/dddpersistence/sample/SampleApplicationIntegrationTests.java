package io.dddpersistence.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.dddpersistence.testsupport.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.flyway.schemas=")
@FreshDatabase
class SampleApplicationIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void startsOnItsOwnDatabase() {
		assertThat(this.context.getBeanDefinitionCount()).isPositive();
	}

}
