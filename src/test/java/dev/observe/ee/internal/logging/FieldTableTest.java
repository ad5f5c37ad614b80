package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The field table: each schema's standard fields, their order and names, renames applied once. */
class FieldTableTest {

    private static FieldTable table(LogSettings.Schema schema) {
        return FieldTable.of(LogFormat.builder().schema(schema).build());
    }

    private static List<String> names(FieldTable table) {
        List<String> names = new ArrayList<>();
        for (FieldTable.Entry entry : table.entries()) {
            names.add(entry.name() == null ? "<" + entry.field() + ">" : entry.name());
            entry.members().forEach(member -> names.add("  " + member.name()));
        }
        return names;
    }

    @Test
    void defaultSchemaIsTheGuidesStructlogLine() {
        assertEquals(List.of("timestamp", "level", "logger", "event", "<USER_FIELDS>", "trace_id", "span_id",
                "service", "<STATIC_FIELDS>", "exception", "  type", "  message", "  stack_trace"),
                names(table(LogSettings.Schema.DEFAULT)));
        assertEquals(Set.of("timestamp", "level", "logger", "event", "trace_id", "span_id", "service", "exception"),
                table(LogSettings.Schema.DEFAULT).reservedNames());
    }

    @Test
    void ecsSchemaIsEcsLoggings() {
        FieldTable ecs = table(LogSettings.Schema.ECS);
        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version", "service.name", "log.logger",
                "process.thread.name", "trace.id", "span.id", "<STATIC_FIELDS>", "<USER_FIELDS>", "error.type",
                "error.message", "error.stack_trace"), names(ecs));
        assertTrue(ecs.upperCaseLevel());
        assertEquals(FieldTable.ECS_VERSION, ecs.entries().get(3).constant());
    }

    @Test
    void logstashSchemaIsLogstashLogbackEncoders() {
        FieldTable logstash = table(LogSettings.Schema.LOGSTASH);
        assertEquals(List.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level",
                "level_value", "<USER_FIELDS>", "trace_id", "span_id", "service", "<STATIC_FIELDS>", "stack_trace"),
                names(logstash));
        assertTrue(logstash.upperCaseLevel());
    }

    @Test
    void noSchemaNamesAFieldTwice() {
        for (LogSettings.Schema schema : LogSettings.Schema.values()) {
            List<String> names = names(table(schema));
            names.removeIf(name -> name.startsWith("<") || name.startsWith("  "));
            assertEquals(names.size(), new HashSet<>(names).size(), schema + ": " + names);
        }
    }

    @Test
    void renamesApplyOnceToTheSchemasNames() {
        FieldTable renamed = FieldTable.of(LogFormat.builder().schema(LogSettings.Schema.ECS)
                .rename("message", "msg").rename("event", "ignored: not an ECS name").build());

        assertEquals("msg", renamed.nameOf(StandardField.EVENT));
        assertTrue(renamed.reservedNames().contains("msg"));
        assertFalse(renamed.reservedNames().contains("message"));
    }

    @Test
    void consoleLineKeysOnlyTheTraceIds() {
        FieldTable console = FieldTable.of(LogFormat.builder().renderer(LogSettings.Format.CONSOLE).build());
        assertEquals(Set.of("trace_id", "span_id"), console.reservedNames());
        assertNull(console.nameOf(StandardField.EVENT), "positional");
        assertNull(console.nameOf(StandardField.SERVICE), "not on the console");
    }

    @Test
    void aRenameOntoAnotherFieldsNameIsADeploymentProblemNamingKeyValueAndWhatIsAllowed() {
        LogFormat clash = LogFormat.builder().rename("event", "msg").rename("level", "logger").build();
        assertEquals(List.of("observe.log.rename='level=logger' is not allowed; use a name that no other field of "
                + "the default line has, nor the dotted parent or child of one"), clash.problems());
        // The line still gets a table: the clashing rename is left out, the good one applies.
        FieldTable table = FieldTable.of(clash);
        assertEquals("level", table.nameOf(StandardField.LEVEL));
        assertEquals("msg", table.nameOf(StandardField.EVENT));
    }

    @Test
    void aRenameOntoTheDottedParentOfAnEcsFieldIsAProblem() {
        assertEquals(1, LogFormat.builder().schema(LogSettings.Schema.ECS).rename("message", "log").build()
                .problems().size(), "log would be the parent of log.level");
        assertEquals(List.of(), LogFormat.builder().schema(LogSettings.Schema.ECS).rename("message", "msg").build()
                .problems());
    }

    @Test
    void theDevelopmentConsoleFailsOnWhatTheJsonLineWould() {
        assertEquals(1, LogFormat.builder().renderer(LogSettings.Format.CONSOLE).rename("level", "event").build()
                .problems().size());
    }
}
