package io.dddpersistence.test;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL container with PostGIS, for applications that test with Docker: declare it as a
 * {@code @ServiceConnection} bean and Spring Boot points {@code spring.datasource.*} at it.
 *
 * <pre class="code">
 * &#64;TestConfiguration(proxyBeanMethods = false)
 * class Containers {
 *
 *     &#64;Bean
 *     &#64;ServiceConnection
 *     PostgreSQLContainer postgis() {
 *         return PostgisContainers.postgis();
 *     }
 *
 * }
 * </pre>
 *
 * Needs {@code org.testcontainers:testcontainers-postgresql} and
 * {@code org.springframework.boot:spring-boot-testcontainers} on the test class path.
 */
public final class PostgisContainers {

	/** The image: PostgreSQL 16 with PostGIS 3.4, a drop-in for the {@code postgres} image. */
	public static final String IMAGE = "postgis/postgis:16-3.4";

	private PostgisContainers() {
	}

	/** A new, not yet started container of {@link #IMAGE}. */
	public static PostgreSQLContainer postgis() {
		return new PostgreSQLContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
	}

}
