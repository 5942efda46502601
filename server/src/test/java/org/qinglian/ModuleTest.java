package org.qinglian;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of one module with the modules it stands on, against its own embedded
 * PostgreSQL: the module of the test class's package, everything it depends on, the
 * jurisdiction (which answers the platform's {@code Registry}) and the web's shell.
 * Events of the module are published and awaited with a {@code Scenario}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "jurisdiction", "web" })
@ActiveProfiles("test")
public @interface ModuleTest {

}
