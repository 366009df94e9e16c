package com.example.billing;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data as the service always used it; a delete now archives (sets deleted_at). */
public interface Invoices extends JpaRepository<Invoice, Long> {

}
