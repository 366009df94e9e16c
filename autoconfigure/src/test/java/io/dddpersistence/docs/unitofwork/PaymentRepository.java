package io.dddpersistence.docs.unitofwork;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface PaymentRepository extends DomainRepository<Payment, UUID> {

}
