package io.certdesk.keystore.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * One reading of JSON for the three services: a body means exactly what it says or it is refused with 400. A key
 * given twice, a number where an enum or a text is expected, a string or a fraction where a whole number is
 * expected, a null for a primitive and anything after the document are errors, never silently converted. Every
 * text obeys {@link TextRules} (tab and line breaks allowed) and every date or instant lies between
 * {@link #EARLIEST} and {@link #LATEST}, so a year 0 or 275760 never reaches the database or a certificate.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The first and the last day a date in a request may name. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("certdesk-strict-values").setDeserializerModifier(new CheckedValues()));
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
            LogicalType.Textual, LogicalType.Enum}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, scalar == LogicalType.Textual || scalar == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, scalar == LogicalType.Integer || scalar == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, scalar == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, scalar == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
    }

    /** Puts a check behind the deserializer of texts and of dates and instants, whichever module supplies it. */
    static final class CheckedValues extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, value -> TextRules.problem((String) value, true));
            }
            if (type == LocalDate.class) {
                return new Checked(deserializer, value -> range((LocalDate) value));
            }
            if (type == OffsetDateTime.class) {
                return new Checked(deserializer, value -> range(((OffsetDateTime) value).toLocalDate()));
            }
            if (type == Instant.class) {
                return new Checked(deserializer, value -> range(((Instant) value).atOffset(ZoneOffset.UTC).toLocalDate()));
            }
            return deserializer;
        }

        private static String range(LocalDate date) {
            return date.isBefore(EARLIEST) || date.isAfter(LATEST)
                    ? "must lie between " + EARLIEST + " and " + LATEST + ", not " + date : null;
        }
    }

    /** A deserializer whose values pass {@code check} (null when acceptable, else the reason) or are refused. */
    static final class Checked extends DelegatingDeserializer {
        private final Function<Object, String> check;

        Checked(JsonDeserializer<?> delegate, Function<Object, String> check) {
            super(delegate);
            this.check = check;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, check);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String problem = value == null ? null : check.apply(value);
            if (problem != null) {
                throw new InvalidValue(problem);
            }
            return value;
        }
    }
}
