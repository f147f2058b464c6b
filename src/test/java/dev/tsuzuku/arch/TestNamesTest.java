package dev.tsuzuku.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs only classes named {@code *Test}, {@code Test*}, {@code *Tests} or {@code *TestCase}:
 * a class of tests named otherwise compiles, looks fine and never runs.
 */
class TestNamesTest {
    private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "net.jqwik.api.Property", "net.jqwik.api.Example");

    @Test
    void every_concrete_top_level_class_with_tests_has_a_name_surefire_runs() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.tsuzuku");

        List<String> neverRun = tests.stream()
                .filter(c -> c.isTopLevelClass() && !c.getModifiers().contains(JavaModifier.ABSTRACT) && !c.isInterface())
                .filter(TestNamesTest::hasTests)
                .map(JavaClass::getName)
                .filter(name -> !runsUnderSurefire(name.substring(name.lastIndexOf('.') + 1)))
                .toList();

        assertThat(tests.stream().filter(TestNamesTest::hasTests)).as("the importer sees the test classes").isNotEmpty();
        assertThat(neverRun).as("rename these to *Test").isEmpty();
    }

    @Test
    void the_name_patterns_are_surefires() {
        assertThat(runsUnderSurefire("StoryboardPropertiesTest")).isTrue();
        assertThat(runsUnderSurefire("TestBibles")).isTrue();
        assertThat(runsUnderSurefire("StoryboardProperties")).isFalse();
    }

    private static boolean hasTests(JavaClass c) {
        return c.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName())));
    }

    static boolean runsUnderSurefire(String simpleName) {
        return simpleName.startsWith("Test") || simpleName.endsWith("Test") || simpleName.endsWith("Tests")
                || simpleName.endsWith("TestCase");
    }
}
