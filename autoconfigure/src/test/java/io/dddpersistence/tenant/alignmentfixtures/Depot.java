package io.dddpersistence.tenant.alignmentfixtures;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.spatial.SpatialColumn;
import io.dddpersistence.tenant.TenantColumn;

/**
 * Every trait that declares an index, on one table: audit times, archive with a code unique per
 * tenant among active rows, a tenant column and a POINT.
 */
@Entity
@Table(name = "depots")
@UniqueAmongActive({ "code", "tenant_id" })
public class Depot {

	@Id
	@GeneratedValue
	private Long id;

	@Column(length = 50)
	private String code;

	@TenantColumn
	private String tenantId;

	@Embedded
	private AuditTimes audit = new AuditTimes();

	@Embedded
	private ArchiveState archive = new ArchiveState();

	@SpatialColumn(type = "POINT")
	private Point location;

	protected Depot() {
	}

}
