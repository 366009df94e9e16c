package io.dddpersistence.docs.quickstart;

// snippet-start
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

import org.springframework.data.domain.AbstractAggregateRoot;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTrail;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.tenant.TenantColumn;

@Entity
@UniqueAmongActive({"tenant_id", "sku"})        // unique per tenant among active (not archived) rows
public class Product extends AbstractAggregateRoot<Product> {

    @Id @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;
    private String sku;
    private String name;
    private BigDecimal price;

    @Version private Long version;                                // optimistic locking
    @Embedded private AuditTrail audit = new AuditTrail();         // created/updated at and by
    @Embedded private ArchiveState archive = new ArchiveState();   // delete archives
    @TenantColumn private String tenantId;                         // filled and enforced

    protected Product() {
    }

    public Product(String sku, String name, BigDecimal price) {
        this.sku = sku;
        this.name = name;
        this.price = price;
    }

    /** A change based on the version the client read: storing it fails if the product moved on since. */
    public void reprice(long basedOnVersion, BigDecimal newPrice) {
        this.version = basedOnVersion;
        this.price = newPrice;
        registerEvent(new ProductRepriced(id, newPrice));         // goes out through the outbox
    }

    public UUID getId() { return id; }
    public String getSku() { return sku; }
    public String getName() { return name; }
    public BigDecimal getPrice() { return price; }
    public Long getVersion() { return version; }
}
// snippet-end
