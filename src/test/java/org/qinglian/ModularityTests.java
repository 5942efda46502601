package org.qinglian;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of design.md, as Spring Modulith reads it from the code. */
class ModularityTests {

	ApplicationModules modules = ApplicationModules.of(QinglianApplication.class);

	@Test
	void modulesOnlyDependOnTheirAllowedDependencies() {
		modules.verify();
	}

	/**
	 * Not a check: writes the module diagrams to {@code target/spring-modulith-docs}. Run
	 * it with
	 * {@code ./mvnw test -Dtest=ModularityTests -Dgroups=docs -Dtest.excludedGroups=}.
	 */
	@Test
	@Tag("docs")
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
