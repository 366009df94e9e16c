package io.dddpersistence.entity;

import org.jspecify.annotations.Nullable;

/** The authenticated principal's name, when Spring Security is present. */
@FunctionalInterface
interface CurrentPrincipal {

	@Nullable String name();

}
