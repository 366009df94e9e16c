package io.dddpersistence.docs.entitytraits;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;
import org.locationtech.jts.geom.Point;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTrail;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.spatial.SpatialColumn;
import io.dddpersistence.tenant.TenantColumn;

// snippet-start
@Entity
@Table(name = "locations")
@UniqueAmongActive({"tenant_id", "code"})          // T5: unique among active rows, per tenant
@UniqueAmongActive({"tenant_id", "region", "short_name"}) //     several groups allowed
public class Location {

	@Id @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;                                // T7: time-ordered UUID made in the application

	private String code;
	private String region;
	private String shortName;

	@Version private Long version;                  // T1: optimistic locking, starts at 0
	@Embedded private AuditTrail audit = new AuditTrail();     // T2 + T3: times and actors
	@Embedded private ArchiveState archive = new ArchiveState(); // T4: archive instead of delete
	@TenantColumn private String tenantId;          // T8: tenant, filled and enforced
	@SpatialColumn(type = "POINT") private Point geom;          // T6: geometry(Point,4326) + GIST
}
// snippet-end
