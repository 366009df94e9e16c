package io.dddpersistence.docs.quickstart;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The README's quick start, as an application the build compiles and a test runs. */
@SpringBootApplication
public class QuickStartApplication {

}
