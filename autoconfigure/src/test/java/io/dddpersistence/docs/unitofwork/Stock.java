package io.dddpersistence.docs.unitofwork;

/** Reserves the goods of an order; an application service the unit of work calls. */
public interface Stock {

	/** Whether the order's goods could be reserved. */
	boolean reserve(Order order);

}
