package dev.observe.ee.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration test class runs on Payara Micro: failsafe's {@code payara} execution selects it by this tag
 * ({@code <groups>payara</groups>} in pom.xml). Every failure is prefixed with the runtime's name
 * ({@link ServerNamed}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OnPayara.TAG)
@ExtendWith(ServerNamed.class)
@interface OnPayara {

    /** The tag, as the {@code payara} execution's {@code <groups>} names it. */
    String TAG = "payara";
}
