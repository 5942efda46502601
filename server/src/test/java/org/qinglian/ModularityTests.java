package org.qinglian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qinglian.platform.db.ModuleOrder;

import org.springframework.modulith.core.ApplicationModuleIdentifiers;
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
	 * The order in which the platform migrates the modules' databases at start
	 * ({@code META-INF/qinglian/modules.txt}, read instead of analysing the classes at
	 * every start) is the order Spring Modulith derives from the code.
	 */
	@Test
	void theModuleOrderReadAtStartIsTheOneTheCodeGives() throws Exception {
		List<String> derived = ApplicationModuleIdentifiers.of(modules).stream().map(Object::toString).toList();
		assertThat(ModuleOrder.read()).as("src/main/resources/%s: write these, one a line", ModuleOrder.RESOURCE)
			.containsExactlyElementsOf(derived);
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
