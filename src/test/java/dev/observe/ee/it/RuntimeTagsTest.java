package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Which integration test runs on which runtime is declared on the class ({@link OnPayara}, {@link OnLiberty},
 * {@link OnLibertyBare}) and failsafe selects by those tags; a class without one would silently never run. This unit
 * test (Surefire runs it in {@code mvn test}) fails the build instead.
 */
class RuntimeTagsTest {

    private static final Set<String> RUNTIMES = Set.of(OnPayara.TAG, OnLiberty.TAG, OnLibertyBare.TAG);

    /** The tag of measurements that run only with {@code -Pload} (pom.xml). */
    static final String LOAD = "load";

    @Test
    void everyIntegrationTestNamesTheRuntimesItRunsOn() throws Exception {
        List<Class<?>> tests = testClasses();
        assertFalse(tests.isEmpty(), "no test classes found next to " + RuntimeTagsTest.class);
        List<String> problems = new ArrayList<>();
        for (Class<?> test : tests) {
            List<String> tags = AnnotationSupport.findRepeatableAnnotations(test, Tag.class).stream()
                    .map(Tag::value).toList();
            String name = test.getSimpleName();
            if (name.endsWith("Test")) {
                if (!tags.isEmpty()) {
                    problems.add(name + " is a unit test (Surefire), yet tagged " + tags);
                }
            } else if (!name.endsWith("IT")) {
                problems.add(name + " has test methods but its name ends in neither IT (failsafe) nor Test "
                        + "(Surefire): it never runs");
            } else if (tags.stream().noneMatch(RUNTIMES::contains)) {
                problems.add(name + " names no runtime: annotate it with @OnPayara, @OnLiberty and/or "
                        + "@OnLibertyBare, or no failsafe execution runs it");
            } else if (!tags.stream().allMatch(tag -> RUNTIMES.contains(tag) || tag.equals(LOAD))) {
                problems.add(name + " has a tag no execution selects: " + tags);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The concrete classes of this package (test classes directory) that declare or inherit test methods. */
    private static List<Class<?>> testClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(RuntimeTagsTest.class.getResource("").toURI());
        String pkg = RuntimeTagsTest.class.getPackageName();
        List<Class<?>> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class") || fileName.contains("$")) {
                    continue;
                }
                // Not initialized: some integration test classes install a tee of System.out when they are.
                Class<?> type = Class.forName(pkg + "." + fileName.substring(0, fileName.length() - 6), false,
                        RuntimeTagsTest.class.getClassLoader());
                if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                        && !AnnotationSupport.findAnnotatedMethods(type, Testable.class,
                                HierarchyTraversalMode.TOP_DOWN).isEmpty()) {
                    tests.add(type);
                }
            }
        }
        return tests;
    }
}
