package io.dddpersistence.docs.search;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The search page's samples, as an application that a test starts and exercises. */
@SpringBootApplication
public class SearchApplication {

}
