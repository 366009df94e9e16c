/**
 * Spring Boot auto-configuration of ddd-persistence: wires the capability packages as beans,
 * each replaceable and each integration backing off when its library is absent. No logic lives
 * here.
 */
@NullMarked
package io.dddpersistence.autoconfigure;

import org.jspecify.annotations.NullMarked;
