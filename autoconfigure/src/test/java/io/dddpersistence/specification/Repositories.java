package io.dddpersistence.specification;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

}

interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long>, JpaSpecificationExecutor<PurchaseOrder> {

}

interface PlaceRepository extends JpaRepository<Place, Long>, JpaSpecificationExecutor<Place> {

}

interface SiteRepository extends JpaRepository<Site, Long>, JpaSpecificationExecutor<Site> {

}
