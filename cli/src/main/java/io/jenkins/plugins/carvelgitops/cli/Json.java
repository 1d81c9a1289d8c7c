package io.jenkins.plugins.carvelgitops.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * JSON documents for {@code --output json}, pretty-printed. A map whose order was chosen (a
 * {@link LinkedHashMap}, a {@link SortedMap}, an {@link EnumMap}) keeps it, so a document reads in the
 * order its renderer wrote it; any other map ({@code HashMap}, {@code Map.of}) has no order of its own and
 * is written sorted by key, so the output is the same from run to run. Records keep their components' order.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("map-order").addSerializer(new MapInItsOrder()));

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A map's entries in the order it keeps, or by key when it keeps none. */
    static List<Map.Entry<?, ?>> entries(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (!(map instanceof LinkedHashMap || map instanceof SortedMap || map instanceof EnumMap)) {
            entries.sort(Comparator.comparing(e -> String.valueOf(e.getKey())));
        }
        return entries;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class MapInItsOrder extends StdSerializer<Map> {

        MapInItsOrder() {
            super(Map.class);
        }

        @Override
        public void serialize(Map map, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(map);
            for (Map.Entry<?, ?> e : entries((Map<?, ?>) map)) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                provider.defaultSerializeValue(e.getValue(), gen);
            }
            gen.writeEndObject();
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Map value) {
            return value.isEmpty();
        }
    }
}
