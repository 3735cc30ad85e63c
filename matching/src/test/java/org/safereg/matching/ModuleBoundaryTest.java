package org.safereg.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The matching module knows nothing of HTTP, SQL, Spring or the other SafeReg modules. */
class ModuleBoundaryTest {
	private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.safereg.matching");

	@Test
	void noHttpSqlOrFrameworkDependencies() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta..", "javax.servlet..", "java.net.http..",
				"org.springframework..", "tools.jackson..").check(MAIN);
	}

	@Test
	void noDependencyOnOtherProjectModules() {
		noClasses().that().resideInAPackage("org.safereg.matching..").should().dependOnClassesThat()
				.resideInAnyPackage("org.safereg.keys..", "org.safereg.privacy..", "org.safereg.registration..", "org.safereg.api..").check(MAIN);
	}
}
