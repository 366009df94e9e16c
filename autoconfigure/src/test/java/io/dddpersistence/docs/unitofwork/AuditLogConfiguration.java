package io.dddpersistence.docs.unitofwork;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.dddpersistence.repository.UnitOfWorkHook;

/** A unit of work hook, first in order, for an audit log. */
@Configuration(proxyBeanMethods = false)
class AuditLogConfiguration {

	// snippet-start
	@Bean
	@Order(1)
	UnitOfWorkHook auditLog() {
		return new UnitOfWorkHook() {
			@Override public void preCommit()    { /* ... */ }   // inside the transaction: may still write; a failure rolls back
			@Override public void postCommit()   { /* ... */ }   // after the commit: publish, notify
			@Override public void preRollback()  { /* ... */ }   // before the rollback
			@Override public void postRollback() { /* ... */ }   // after it
		};
	}
	// snippet-end

}
