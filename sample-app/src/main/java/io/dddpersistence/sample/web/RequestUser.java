package io.dddpersistence.sample.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.AuditorAware;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting, for the audit trail ({@code created_by}, {@code updated_by}, {@code archived_by}):
 * the {@code X-User} header of the current request. A real service would take the authenticated
 * principal (the library does that by itself when Spring Security is present). Without a header,
 * or outside a request, the library records {@code ddd.persistence.entity.system-actor}.
 */
@Component
class RequestUser implements AuditorAware<String> {

	static final String HEADER = "X-User";

	@Override
	public Optional<String> getCurrentAuditor() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String user = request.getHeader(HEADER);
			if (user != null && !user.isBlank()) {
				return Optional.of(user.trim());
			}
		}
		return Optional.empty();
	}

}
