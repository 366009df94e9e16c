package io.dddpersistence.patch;

import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;

/**
 * The merge patcher: the application's entity manager and transactions, its Jackson
 * {@link JsonMapper}, and its Bean Validation {@code Validator} when it has one.
 */
@Configuration(proxyBeanMethods = false)
public class PatchConfiguration {

	private static final String VALIDATOR = "jakarta.validation.Validator";

	@Bean
	@ConditionalOnMissingBean
	MergePatcher mergePatcher(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			ObjectProvider<JsonMapper> json, BeanFactory beans) {
		Object validator = ClassUtils.isPresent(VALIDATOR, null)
				? beans.getBeanProvider(ClassUtils.resolveClassName(VALIDATOR, null)).getIfUnique() : null;
		return new MergePatcher(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
				transactionManager, json.getIfAvailable(JsonMapper::shared), validator);
	}

}
