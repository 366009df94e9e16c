package io.dddpersistence.autoconfigure;

import java.util.List;

import io.dddpersistence.repository.DomainMappings;
import io.dddpersistence.repository.DomainRepositoryFactory;
import io.dddpersistence.repository.UnitOfWork;
import io.dddpersistence.specification.PageSizes;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RepositoryAutoConfiguration.class))
		.withUserConfiguration(TransactionManagerConfiguration.class);

	@Test
	void providesTheRepositoryInfrastructureAndAUnitOfWork() {
		this.runner.run((context) -> assertThat(context).hasBean("domainRepositoryPostProcessor")
			.hasSingleBean(DomainRepositoryFactory.class)
			.hasSingleBean(DomainMappings.class)
			.hasSingleBean(UnitOfWork.class));
	}

	@Test
	void backsOffFromBeansTheApplicationDeclares() {
		this.runner.withUserConfiguration(OwnUnitOfWorkConfiguration.class)
			.run((context) -> assertThat(context.getBean(UnitOfWork.class))
				.isSameAs(context.getBean(OwnUnitOfWorkConfiguration.class).unitOfWork));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("ddd.persistence.repository.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UnitOfWork.class)
				.doesNotHaveBean("domainRepositoryPostProcessor"));
	}

	@Test
	void backsOffWithoutJpa() {
		this.runner.withClassLoader(new FilteredClassLoader(EntityManagerFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UnitOfWork.class));
	}

	@Test
	void aBadPageSizeFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.repository.max-page-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.repository.max-page-size"));
		this.runner.withPropertyValues("ddd.persistence.repository.default-page-size=50",
				"ddd.persistence.repository.max-page-size=10")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("default-page-size (50) must not exceed"));
	}

	@Test
	void onePageSizeRuleHoldsWithTheSafeWebDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(PageSizes.class)).isEqualTo(new PageSizes(100, 20)));
	}

	@Test
	void theDeprecatedSearchAliasesStillBindAndAreTheValueWhenSetAlone() {
		this.runner
			.withPropertyValues("ddd.persistence.search.max-page-size=300", "ddd.persistence.search.default-page-size=30")
			.run((context) -> assertThat(context.getBean(PageSizes.class)).isEqualTo(new PageSizes(300, 30)));
		this.runner
			.withPropertyValues("ddd.persistence.search.max-page-size=300",
					"ddd.persistence.repository.max-page-size=300")
			.run((context) -> assertThat(context.getBean(PageSizes.class).maxPageSize()).isEqualTo(300));
	}

	@Test
	void anAliasSetToAnotherValueThanItsPropertyFailsStartUpNamingBoth() {
		this.runner
			.withPropertyValues("ddd.persistence.search.max-page-size=300",
					"ddd.persistence.repository.max-page-size=200")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.repository.max-page-size (200)")
				.hasMessageContaining("ddd.persistence.search.max-page-size (300)"));
		this.runner
			.withPropertyValues("ddd.persistence.search.default-page-size=10",
					"ddd.persistence.repository.default-page-size=20")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.repository.default-page-size (20)")
				.hasMessageContaining("ddd.persistence.search.default-page-size (10)"));
	}

	@Configuration(proxyBeanMethods = false)
	static class TransactionManagerConfiguration {

		@Bean
		PlatformTransactionManager transactionManager() {
			return new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnUnitOfWorkConfiguration {

		final UnitOfWork unitOfWork = new UnitOfWork(
				new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none")),
				List.of());

		@Bean
		UnitOfWork myUnitOfWork() {
			return this.unitOfWork;
		}

	}

}
