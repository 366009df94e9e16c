package io.dddpersistence.docs.entitytraits;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The entity traits page's samples, as an application that a test starts and exercises. */
@SpringBootApplication
public class EntityTraitsApplication {

}
