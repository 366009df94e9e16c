/** What every endpoint shares: list responses, problem details for not-found and refused requests, the acting user. */
@NullMarked
package io.dddpersistence.sample.web;

import org.jspecify.annotations.NullMarked;
