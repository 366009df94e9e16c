package io.dddpersistence.docs.repositories;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The repositories page's samples, as an application that a test starts and exercises. */
@SpringBootApplication
public class RepositoriesApplication {

}
