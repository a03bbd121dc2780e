package io.purseguard.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * {@link Text}'s character rule at the two doors every request passes: Jackson, for JSON bodies
 * (the error names the JSON path, as any unreadable value does), and the data binder, for form
 * fields and query parameters (a type mismatch naming the parameter). One mechanism instead of a
 * check in each controller; the field-level rules (lengths, single line) stay with each form.
 */
@Configuration(proxyBeanMethods = false)
class TextGuard {

    @Bean
    SimpleModule controlCharacterGuard() {
        var module = new SimpleModule("purseguard-text-guard");
        module.addDeserializer(String.class, new GuardedStrings());
        return module;
    }

    /** Jackson's own string reading, then the character rule. */
    static final class GuardedStrings extends StdScalarDeserializer<String> {

        GuardedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            var value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && Text.hasControlCharacters(value)) {
                throw InvalidFormatException.from(p, Text.CONTROL_CHARACTERS, value, String.class);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Forms and query parameters: a string with a control character does not bind. */
    @ControllerAdvice
    static class Binding {

        @InitBinder
        void refuseControlCharacters(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (text != null && Text.hasControlCharacters(text)) {
                        throw new IllegalArgumentException(Text.CONTROL_CHARACTERS);
                    }
                    setValue(text);
                }

                @Override
                public String getAsText() {
                    var value = getValue();
                    return value == null ? "" : value.toString();
                }
            });
        }
    }
}
