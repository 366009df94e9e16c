package io.dddpersistence.docs.unitofwork;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The unit of work page's samples, as an application that a test starts and exercises. */
@SpringBootApplication
public class UnitOfWorkApplication {

}
