package io.purseguard.notification.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The SMS gateway: the configured one, or (with no {@code purseguard.notification.sms.url}) this
 * application's own simulator, reached over loopback HTTP through the same adapter, so a local run
 * exercises the real wire format.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsSimulator smsSimulator(SmsProperties properties, Clock clock) {
        String secret = properties.secret();
        if (properties.simulated() && (secret == null || secret.isBlank())) {
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return new SmsSimulator(properties.simulated(), secret, properties.simulatorKeeps(), clock);
    }

    @Bean
    SmsGateway smsGateway(
            SmsProperties properties, SmsSimulator simulator, Environment environment, ObjectMapper json) {
        if (!properties.simulated()) {
            log.info("SMS goes to the gateway at {}", properties.url());
            return new HttpSmsGateway(
                    properties::url, properties.secret(), properties.connectTimeout(), properties.timeout(), json);
        }
        log.info(
                "No SMS gateway configured (purseguard.notification.sms.url): texts go to the simulator, /simulators/sms");
        return new HttpSmsGateway(
                () -> localSimulator(environment),
                simulator.secret(),
                properties.connectTimeout(),
                properties.timeout(),
                json);
    }

    /** This application's own {@code /simulators/sms}, on the port the web server took. */
    static URI localSimulator(Environment environment) {
        var port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new SmsDeliveryException("the SMS simulator is not listening (the web server has not started)");
        }
        var host = environment.getProperty("server.address");
        if (host == null || host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        var contextPath = environment.getProperty("server.servlet.context-path", "");
        return URI.create("http://" + host + ":" + port + contextPath + "/simulators/sms");
    }
}
