package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.observe.ee.it.app.CardPaymentResource;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's security fault, end to end: an application logs a card (number and CVV in a nested map) with its log
 * records exported over OTLP/HTTP to a real receiver on 127.0.0.1. The record that arrives carries
 * {@code "[REDACTED]"} for both nested keys, as the JSON line does, and neither the number nor the CVV anywhere.
 * {@code number} is not among the default redacted keys, so the application adds it, as a user would
 * ({@code observe.log.redact.additional-keys}); {@code cvv} is a default one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
class OtlpLogRedactionIT {

    private static OtlpReceiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("otlp-log-redaction", TestApplication.class, CardPaymentResource.class)
                .addAsResource(new StringAsset("otel.service.name=card-payments\n"
                        + "otel.traces.exporter=otlp\n"
                        + "otel.metrics.exporter=none\n"
                        + "otel.logs.exporter=otlp\n"
                        + "otel.exporter.otlp.protocol=http/protobuf\n"
                        + "otel.exporter.otlp.endpoint=http://127.0.0.1:" + System.getProperty("it.otlp.port") + "\n"
                        + "otel.bsp.schedule.delay=100\n"
                        + "otel.blrp.schedule.delay=100\n"
                        + "observe.log.redact.additional-keys=number\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = OtlpReceiver.http(Integer.getInteger("it.otlp.port"));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theCardsNestedNumberAndCvvArriveRedacted() throws Exception {
        String marker = "card-" + UUID.randomUUID();
        assertEquals(204, Http.get(base, "card-payment?marker=" + marker).statusCode());

        OtlpReceiver.ReceivedLog record = Awaits.await("the payment record reaches the receiver")
                .atMost(Duration.ofSeconds(20)).until(() -> payment(marker), Optional::isPresent).get();

        assertEquals("payment", record.body(), record::toString);
        assertEquals("card-payments", record.serviceName(), record::toString);
        JsonObject card;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(
                new StringReader(record.attributes().get("card")))) {
            card = reader.readObject();
        }
        assertEquals("[REDACTED]", card.getString("number"), record::toString);
        assertEquals("[REDACTED]", card.getString("cvv"), record::toString);
        // Body and every attribute, except the random marker the test chose, which might hold the digits by chance.
        Map<String, String> sent = new HashMap<>(record.attributes());
        sent.remove("marker");
        assertFalse((record.body() + sent).contains("4111"), () -> "the card number left: " + record);
        // "123" alone could occur by chance in a request id or thread name: the CVV is looked for as a value.
        assertFalse(sent.containsValue("123") || sent.get("card").contains("123"), () -> "the CVV left: " + record);
    }

    private static Optional<OtlpReceiver.ReceivedLog> payment(String marker) {
        return receiver.logs().stream().filter(log -> marker.equals(log.attributes().get("marker"))).findFirst();
    }
}
