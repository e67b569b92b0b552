package org.folkmoot.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tags the quick runs select by ({@code -Dgroups=…}, {@code -DexcludedGroups=ui}; README, "Tests"): a UI
 * test left untagged would run in a run that meant to leave the screens out, a property left untagged would
 * be missed by {@code -Dgroups=property}. So every test class that drives the screens with TestFX carries
 * JUnit's {@code @Tag("ui")}, and every class with jqwik properties carries jqwik's {@code @Tag("property")}
 * (jqwik reads only its own tag).
 */
class TestTagsTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.folkmoot");

    private static final List<String> JUPITER_TESTS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.TestFactory");

    @Test
    void everyTestThatDrivesTheScreensWithTestFxIsTaggedUi() {
        List<JavaClass> uiTests = TESTS.stream()
                .filter(c -> hasMethodAnnotatedWith(c, JUPITER_TESTS))
                .filter(TestTagsTest::usesTestFx)
                .toList();

        assertThat(uiTests).as("test classes using TestFX").hasSizeGreaterThan(10);
        assertThat(uiTests).filteredOn(c -> !taggedOrEnclosed(c, Tag.class, Tag::value, "ui"))
                .as("TestFX test classes without @Tag(\"ui\")")
                .isEmpty();
    }

    @Test
    void everyClassWithPropertiesIsTaggedProperty() {
        List<JavaClass> propertyClasses = TESTS.stream()
                .filter(c -> hasMethodAnnotatedWith(c, List.of("net.jqwik.api.Property")))
                .toList();

        assertThat(propertyClasses).as("classes with jqwik properties").hasSizeGreaterThan(5);
        assertThat(propertyClasses)
                .filteredOn(c -> !taggedOrEnclosed(c, net.jqwik.api.Tag.class, net.jqwik.api.Tag::value, "property"))
                .as("property classes without jqwik's @Tag(\"property\")")
                .isEmpty();
    }

    @Test
    void theKillingCrashTestIsTaggedCrash() {
        JavaClass crash = TESTS.get("org.folkmoot.store.CrashTest");
        assertThat(taggedOrEnclosed(crash, Tag.class, Tag::value, "crash")).isTrue();
    }

    private static boolean hasMethodAnnotatedWith(JavaClass c, List<String> annotations) {
        return c.getMethods().stream()
                .anyMatch(m -> annotations.stream().anyMatch(m::isAnnotatedWith));
    }

    private static boolean usesTestFx(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.testfx"));
    }

    /** Tagged itself or through a class it is nested in (a tag on the outer class reaches its @Nested ones). */
    private static <A extends Annotation> boolean taggedOrEnclosed(JavaClass c, Class<A> tag, Function<A, String> value,
            String wanted) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (Arrays.stream(k.get().reflect().getAnnotationsByType(tag)).map(value).anyMatch(wanted::equals)) {
                return true;
            }
        }
        return false;
    }
}
