package dev.observe.ee.internal.tracing;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.Traced;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code @Traced} costs against writing the span by hand, in the same run, with the OpenTelemetry SDK the
 * runtimes use (spans recorded, no exporter: what is measured is starting, making current and ending a span).
 * {@code sampled=false} uses an always-off sampler: the cost of a method whose span is not sampled.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TracedInterceptorBenchmark {

    @Param({"true", "false"})
    boolean sampled;

    private SdkTracerProvider provider;
    private Tracer tracer;
    private TracedInterceptor interceptor;
    private InvocationContext invocation;

    /** The traced method: what the application's code would do, minimal. */
    public static class Service {
        @Traced("place_order")
        public long placeOrder(long id) {
            return id + 1;
        }
    }

    @Setup
    public void setUp() throws Exception {
        provider = SdkTracerProvider.builder().setSampler(sampled ? Sampler.alwaysOn() : Sampler.alwaysOff())
                .build();
        OpenTelemetry otel = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
        tracer = otel.getTracer(SemanticAttributes.INSTRUMENTATION_SCOPE);
        Constructor<TracedInterceptor> constructor = TracedInterceptor.class.getDeclaredConstructor(Instance.class);
        interceptor = constructor.newInstance(new SingleInstance<>(otel));
        invocation = new DirectInvocation(new Service(), Service.class.getMethod("placeOrder", long.class));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        provider.close();
    }

    @Benchmark
    public Object handWritten() {
        Span span = tracer.spanBuilder("place_order").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return ((Service) invocation.getTarget()).placeOrder(41);
        } finally {
            span.end();
        }
    }

    @Benchmark
    public Object traced() throws Exception {
        return interceptor.trace(invocation);
    }

    /** The container's side of an interception, reduced to calling the method. */
    static final class DirectInvocation implements InvocationContext {
        private final Service target;
        private final Method method;
        private final Map<String, Object> data = new HashMap<>();

        DirectInvocation(Service target, Method method) {
            this.target = target;
            this.method = method;
        }

        @Override
        public Object getTarget() {
            return target;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[] {41L};
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public Map<String, Object> getContextData() {
            return data;
        }

        @Override
        public Object proceed() {
            return target.placeOrder(41);
        }
    }

    /** CDI's {@code Instance} holding one bean, as the runtime's would. */
    static final class SingleInstance<T> implements Instance<T> {
        private final T value;

        SingleInstance(T value) {
            this.value = value;
        }

        @Override
        public T get() {
            return value;
        }

        @Override
        public boolean isResolvable() {
            return true;
        }

        @Override
        public boolean isUnsatisfied() {
            return false;
        }

        @Override
        public boolean isAmbiguous() {
            return false;
        }

        @Override
        public Instance<T> select(java.lang.annotation.Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Instance<U> select(Class<U> subtype, java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Instance<U> select(jakarta.enterprise.util.TypeLiteral<U> subtype,
                java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroy(T instance) {
        }

        @Override
        public Handle<T> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<T>> handles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Iterator<T> iterator() {
            return java.util.List.of(value).iterator();
        }
    }
}
