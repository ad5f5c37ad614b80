package dev.observe.ee.it.load;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.management.ManagementFactory;

/**
 * How many bytes each live thread of the server has allocated so far (HotSpot's per-thread allocation counters), as
 * {@code id=bytes} lines, or nothing where the JVM does not count them; read by the load benchmark before and after a
 * measured run, which adds up the growth of every thread (a thread new in the run counts from zero). A thread that
 * ends during the run loses its count; the request threads of a loaded server live through it.
 */
@Path("load/allocated")
public class AllocatedBytesResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String allocatedBytes() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                    && threads.isThreadAllocatedMemoryEnabled()) {
                long[] ids = threads.getAllThreadIds();
                long[] bytes = threads.getThreadAllocatedBytes(ids);
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < ids.length; i++) {
                    if (bytes[i] >= 0) {
                        lines.append(ids[i]).append('=').append(bytes[i]).append('\n');
                    }
                }
                return lines.toString();
            }
        } catch (LinkageError | RuntimeException notCounted) {
            // com.sun.management invisible to the application, or the counters unsupported.
        }
        return "";
    }
}
