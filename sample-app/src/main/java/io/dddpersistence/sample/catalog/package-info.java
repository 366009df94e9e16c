/** Products: versioned, audited and isolated per tenant. */
@NullMarked
package io.dddpersistence.sample.catalog;

import org.jspecify.annotations.NullMarked;
