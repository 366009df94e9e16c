/** What every endpoint shares: list responses and not-found answers. */
@NullMarked
package io.dddpersistence.sample.web;

import org.jspecify.annotations.NullMarked;
