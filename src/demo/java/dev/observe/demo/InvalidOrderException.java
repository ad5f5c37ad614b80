package dev.observe.demo;

/** The order a client sent cannot be placed as it is; answered with 400. */
public class InvalidOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String message) {
        super(message);
    }
}
