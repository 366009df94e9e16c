package io.dddpersistence.entity.fkconflictfixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Two foreign keys to accounts: fk_transfers_accounts_id would name both. */
@Entity
@Table(name = "transfers")
public class Transfer {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	Account source;

	@ManyToOne
	Account target;

}
