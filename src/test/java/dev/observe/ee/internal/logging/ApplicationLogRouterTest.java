package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.Log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 §7: the router sends a record made through this application's {@code Log} to the application's
 * pipeline whatever thread logs it — a common-pool thread's context class loader is the system loader — and a
 * plain JUL record by the code that made it, where the thread cannot tell.
 */
class ApplicationLogRouterTest {

    private final LogInstallationTest.RecordingHandler application = new LogInstallationTest.RecordingHandler();
    private final LogInstallationTest.RecordingHandler server = new LogInstallationTest.RecordingHandler();

    @Test
    void aLogRecordIsTheApplicationsOnAnyThread() throws Exception {
        // This library's own loader stands for the application's (the WAR's), as ObserveExtension passes it.
        ApplicationLogRouter router = new ApplicationLogRouter(application, Log.class.getClassLoader(),
                List.of(server));
        Logger logger = Logger.getLogger("dev.observe.test.router.pool");
        logger.setUseParentHandlers(false);
        logger.addHandler(router);
        try {
            ForkJoinPool.commonPool().submit(() -> {
                // What a pool thread has in a server: a context loader that cannot see the application.
                ClassLoader before = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
                try {
                    Log.get("dev.observe.test.router.pool").info("on_the_pool", "k", 1);
                } finally {
                    Thread.currentThread().setContextClassLoader(before);
                }
            }).get();
        } finally {
            logger.removeHandler(router);
            logger.setUseParentHandlers(true);
        }

        assertEquals(List.of("on_the_pool"), application.messages);
        assertEquals(List.of(), server.messages);
    }

    @Test
    void aPlainRecordIsTheApplicationsWhenTheApplicationsCodeMadeIt() throws Exception {
        ClassLoader other = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        // The test class's loader is the "application" here; a foreign thread's context loader is not.
        ApplicationLogRouter router = new ApplicationLogRouter(application, getClass().getClassLoader(),
                List.of(server));
        Thread thread = new Thread(() -> {
            router.publish(new LogRecord(Level.INFO, "from the application's code"));
        });
        thread.setContextClassLoader(other);
        thread.start();
        thread.join();

        assertEquals(List.of("from the application's code"), application.messages);
    }

    /**
     * Issue 11 §10: what the JDK's LogManager.Cleaner does to the root logger's handlers on SIGTERM — remove, then
     * close — leaves the router in place while the JVM stops, and only then.
     */
    @Test
    void aResetWhileTheJvmStopsLeavesTheRouterOnTheRootLogger() {
        Logger root = Logger.getLogger("");
        for (boolean stopping : new boolean[] {true, false}) {
            ApplicationLogRouter router = new ApplicationLogRouter(application, getClass().getClassLoader(),
                    List.of(server), () -> stopping);
            root.addHandler(router);
            try {
                root.removeHandler(router);
                router.close();

                assertEquals(stopping, List.of(root.getHandlers()).contains(router), "stopping: " + stopping);
            } finally {
                root.removeHandler(router);
            }
        }
    }
}
