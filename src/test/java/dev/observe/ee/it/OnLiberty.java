package dev.observe.ee.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration test class runs on Open Liberty with MicroProfile Telemetry: failsafe's {@code liberty} execution
 * selects it by this tag ({@code <groups>liberty</groups>} in pom.xml). Every failure is prefixed with the runtime's
 * name ({@link ServerNamed}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OnLiberty.TAG)
@ExtendWith(ServerNamed.class)
@interface OnLiberty {

    /** The tag, as the {@code liberty} execution's {@code <groups>} names it. */
    String TAG = "liberty";
}
