package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installing on the JVM's real root logger, as a server would have it, and removing again. */
class LogInstallationTest {

    private static final Logger ROOT = Logger.getLogger("");

    private final RecordingHandler server = new RecordingHandler();
    private Handler[] before;

    @BeforeEach
    void serverHandlers() {
        before = ROOT.getHandlers();
        for (Handler handler : before) {
            ROOT.removeHandler(handler);
        }
        ROOT.addHandler(server);
    }

    @AfterEach
    void restore() {
        for (Handler handler : ROOT.getHandlers()) {
            ROOT.removeHandler(handler);
        }
        for (Handler handler : before) {
            ROOT.addHandler(handler);
        }
    }

    @Test
    void applicationRecordsLeaveTheServerHandlersAndComeBackAfterUninstall() {
        ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LogInstallation installation = LogInstallation.install(LogFormat.builder().build(),
                Map.of("dev.observe.test.levels", Level.FINE), application, null, output);
        assertNotNull(installation);
        try {
            assertEquals(Level.FINE, Logger.getLogger("dev.observe.test.levels").getLevel());

            Thread.currentThread().setContextClassLoader(application);
            Logger.getLogger("app").info("from the application");
            // A server thread: its context loader cannot see the application's classes.
            Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
            Logger.getLogger("server").info("from the server");
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
            installation.uninstall();
        }
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            Logger.getLogger("after").info("after uninstall");
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }

        assertEquals(List.of("from the server", "after uninstall"), server.messages,
                "the server never saw the application's line, and sees everything again after uninstall");
        String[] lines = output.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, "observe-ee wrote the application's line and only that: " + output);
        JsonObject line = TestLines.parse(lines[0]);
        assertEquals("from the application", line.getString("event"));
        assertEquals("app", line.getString("logger"));
        assertEquals("info", line.getString("level"));
        assertEquals(List.of(server), List.of(ROOT.getHandlers()), "root handlers as before");
        assertEquals(null, Logger.getLogger("dev.observe.test.levels").getLevel(), "level restored");
    }

    @Test
    void twoApplicationsUninstallInAnyOrder() {
        ClassLoader first = new URLClassLoader(new URL[0], getClass().getClassLoader());
        ClassLoader second = new URLClassLoader(new URL[0], getClass().getClassLoader());
        LogInstallation a = LogInstallation.install(LogFormat.builder().build(), Map.of(), first, null);
        LogInstallation b = LogInstallation.install(LogFormat.builder().build(), Map.of(), second, null);

        a.uninstall();
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            Logger.getLogger("server").info("with b only");
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }
        assertTrue(server.messages.contains("with b only"));
        b.uninstall();

        assertEquals(List.of(server), List.of(ROOT.getHandlers()));
    }

    @Test
    void contextLoaderDelegatingToTheApplicationCounts() {
        ClassLoader application = LogInstallationTest.class.getClassLoader();
        ApplicationLogRouter router = new ApplicationLogRouter(new RecordingHandler(), application, List.of());
        assertTrue(router.isApplications(new URLClassLoader(new URL[0], application)), "a child loader");
        assertTrue(router.isApplications(application));
        assertTrue(!router.isApplications(ClassLoader.getPlatformClassLoader()));
        assertTrue(!router.isApplications(null));
    }

    @Test
    void serverWideClassesAreRecognisedByTheirApiNames() {
        assertEquals(dev.observe.ee.logging.ServerWideLogHandler.class.getName(), LogInstallation.SERVER_WIDE_HANDLER);
        assertEquals(java.util.Set.of(dev.observe.ee.logging.JsonLogFormatter.class.getName(),
                dev.observe.ee.logging.ConsoleLogFormatter.class.getName()), LogInstallation.SERVER_WIDE_FORMATTERS);
    }

    static final class RecordingHandler extends Handler {
        final List<String> messages = new ArrayList<>();

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
