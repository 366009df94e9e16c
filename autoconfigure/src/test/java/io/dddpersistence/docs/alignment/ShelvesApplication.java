package io.dddpersistence.docs.alignment;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The testing page's application whose migrations a test checks against the entity traits: one
 * set of migrations complete, one that forgot an index.
 */
@SpringBootApplication
public class ShelvesApplication {

}
