package dev.observe.ee.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration test class runs on Open Liberty without MicroProfile Telemetry (the {@code observe-bare} server,
 * where the library builds the SDK from the jars in the WAR): failsafe's {@code liberty-bare} execution selects it by
 * this tag ({@code <groups>liberty-bare</groups>} in pom.xml). Every failure is prefixed with the runtime's name
 * ({@link ServerNamed}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OnLibertyBare.TAG)
@ExtendWith(ServerNamed.class)
@interface OnLibertyBare {

    /** The tag, as the {@code liberty-bare} execution's {@code <groups>} names it. */
    String TAG = "liberty-bare";
}
