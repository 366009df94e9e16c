package io.dddpersistence.tenant.typedfixtures;

import java.util.Optional;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.AuditorAware;

/** The application the typed tenant id tests start: the fixtures of this package and auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StationTicketController.class)
public class TypedTenantTestApplication {

	@Bean
	public AuditorAware<String> auditorAware() {
		return () -> Optional.of("alice");
	}

}
