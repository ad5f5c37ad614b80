package dev.observe.ee.internal.web;

import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The servlet, JAX-RS and CDI objects the request's adapters talk to, reduced to what they read: each fake is a
 * {@link Proxy} answering the few methods used, from plain fields; any other method fails the test loudly.
 */
final class WebFakes {

    private WebFakes() {
    }

    /** A servlet request: {@code GET /shop/api/orders/42}, served by the servlet mapped to {@code /api/*}. */
    static final class Request {
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        final List<AsyncListener> asyncListeners = new ArrayList<>();
        String method = "GET";
        String uri = "/shop/api/orders/42";
        String servletPattern = "/api/*";
        Principal user;
        boolean asyncStarted;
        /** The filters and servlets registered with the application, by class name. */
        final Map<String, String> filterClasses = new HashMap<>();
        final Map<String, String> servletClasses = new HashMap<>();

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        HttpServletRequest servlet() {
            return fake(HttpServletRequest.class, (name, args) -> switch (name) {
                case "getHeader" -> headers.get((String) args[0]);
                case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                case "getMethod" -> method;
                case "getRequestURI" -> uri;
                case "getContextPath" -> "/shop";
                case "getServletPath" -> "/api";
                case "getQueryString" -> null;
                case "getScheme" -> "http";
                case "getServerName" -> "localhost";
                case "getServerPort" -> 8080;
                case "getRemoteAddr" -> "127.0.0.1";
                case "getUserPrincipal" -> user;
                case "getHttpServletMapping" -> mapping(servletPattern);
                case "isAsyncStarted" -> asyncStarted;
                case "getServletContext" -> servletContext();
                case "getAsyncContext" -> fake(AsyncContext.class, (asyncName, asyncArgs) -> {
                    if (asyncName.equals("addListener")) {
                        return asyncListeners.add((AsyncListener) asyncArgs[0]);
                    }
                    throw new UnsupportedOperationException(asyncName);
                });
                default -> throw new UnsupportedOperationException(name);
            });
        }

        private ServletContext servletContext() {
            return fake(ServletContext.class, (name, args) -> switch (name) {
                case "getFilterRegistrations" -> {
                    Map<String, FilterRegistration> filters = new HashMap<>();
                    filterClasses.forEach((filter, className) -> filters.put(filter, registration(
                            FilterRegistration.class, className)));
                    yield filters;
                }
                case "getServletRegistration" -> servletClasses.containsKey((String) args[0])
                        ? registration(ServletRegistration.class, servletClasses.get((String) args[0])) : null;
                default -> throw new UnsupportedOperationException(name);
            });
        }

        private static <T> T registration(Class<T> type, String className) {
            return fake(type, (name, args) -> {
                if (name.equals("getClassName")) {
                    return className;
                }
                throw new UnsupportedOperationException(name);
            });
        }
    }

    /** A servlet response: a status and the headers set on it. */
    static final class Response {
        final Map<String, String> headers = new HashMap<>();
        int status = 200;

        HttpServletResponse servlet() {
            return fake(HttpServletResponse.class, (name, args) -> switch (name) {
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "getStatus" -> status;
                case "setStatus" -> {
                    status = (Integer) args[0];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(name);
            });
        }
    }

    private static HttpServletMapping mapping(String pattern) {
        return fake(HttpServletMapping.class, (name, args) -> switch (name) {
            case "getPattern" -> pattern;
            case "getMappingMatch" -> MappingMatch.PATH;
            case "getServletName" -> "api";
            case "getMatchValue" -> "orders/42";
            default -> throw new UnsupportedOperationException(name);
        });
    }

    /** A JAX-RS request: its method and its properties. */
    static ContainerRequestContext containerRequest(String method, Map<String, Object> properties) {
        return fake(ContainerRequestContext.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getProperty" -> properties.get((String) args[0]);
            case "setProperty" -> properties.put((String) args[0], args[1]);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    /** A JAX-RS response with {@code status}, whose headers are {@code headers}. */
    static ContainerResponseContext containerResponse(int status, MultivaluedMap<String, Object> headers) {
        return fake(ContainerResponseContext.class, (name, args) -> switch (name) {
            case "getStatus" -> status;
            case "getHeaders" -> headers;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static MultivaluedMap<String, Object> headers() {
        return new MultivaluedHashMap<>();
    }

    /** The matched resource: {@code resourceClass.resourceMethod}. */
    static ResourceInfo resource(Class<?> resourceClass, Method resourceMethod) {
        return fake(ResourceInfo.class, (name, args) -> switch (name) {
            case "getResourceClass" -> resourceClass;
            case "getResourceMethod" -> resourceMethod;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    /** An interception whose {@code proceed()} runs {@code call}. */
    static InvocationContext invocation(Callable<Object> call) {
        return fake(InvocationContext.class, (name, args) -> {
            if (name.equals("proceed")) {
                return call.call();
            }
            throw new UnsupportedOperationException(name);
        });
    }

    /** CDI's {@code Instance} of the current request, or one that fails as outside a request. */
    @SuppressWarnings("unchecked")
    static Instance<HttpServletRequest> currentRequest(HttpServletRequest request) {
        return fake(Instance.class, (name, args) -> {
            if (name.equals("get")) {
                if (request == null) {
                    throw new IllegalStateException("no request scope");
                }
                return request;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    @FunctionalInterface
    interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(WebFakes.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.answer(method.getName(), args == null ? new Object[0] : args);
                }));
    }
}
