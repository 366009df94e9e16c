package io.dddpersistence.sample.notes;

// snippet-start
import java.util.Optional;

import io.dddpersistence.owner.OwnerPolicy;
import io.dddpersistence.owner.OwnerResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sample has no sign-in: the owner comes from the X-User header and X-Role: admin sees every
 * note. A real application keeps the starter's defaults (the Spring Security principal, ROLE_ADMIN)
 * and declares neither bean.
 */
@Configuration(proxyBeanMethods = false)
class RequestOwners {

	@Bean
	OwnerResolver headerOwner() {
		return () -> header("X-User");
	}

	@Bean
	OwnerPolicy headerAdmin() {
		return () -> header("X-Role").filter("admin"::equals).isPresent();
	}

	private static Optional<String> header(String name) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return Optional.ofNullable(servlet.getRequest().getHeader(name)).filter((value) -> !value.isBlank());
		}
		return Optional.empty();
	}

}
// snippet-end
