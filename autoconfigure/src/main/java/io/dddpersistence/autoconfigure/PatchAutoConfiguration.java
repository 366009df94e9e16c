package io.dddpersistence.autoconfigure;

import io.dddpersistence.patch.MergePatcher;
import io.dddpersistence.patch.PatchConfiguration;
import io.dddpersistence.patch.web.PatchWebConfiguration;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Merge patches through writable-field whitelists: the {@link MergePatcher} (beans in
 * {@link PatchConfiguration}) once JPA is there, and in a Spring MVC application the
 * {@code MergePatchRequest} controller parameter ({@link PatchWebConfiguration}).
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class, afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ EntityManagerFactory.class, tools.jackson.databind.json.JsonMapper.class })
@ConditionalOnBean(EntityManagerFactory.class)
@Import(PatchConfiguration.class)
public final class PatchAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	@Import(PatchWebConfiguration.class)
	static class Web {

	}

}
