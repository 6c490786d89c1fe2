package io.switchboard.adapters.telnyx;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;

import java.io.IOException;
import java.math.BigDecimal;

/** The Moshi instance for Telnyx payloads: records plus exact decimals. */
final class TelnyxJson {

    static final Moshi MOSHI = new Moshi.Builder().add(new DecimalAdapter()).build();

    private TelnyxJson() {
    }

    /**
     * Telnyx sends amounts as strings ({@code "0.0051"}) and sometimes as JSON numbers; both are read from their
     * literal text, so no amount ever passes through a double.
     */
    static final class DecimalAdapter {
        @FromJson
        BigDecimal fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                return reader.nextNull();
            }
            String text = reader.nextString();
            if (text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new JsonDataException("Expected a decimal but was '" + text + "' at path " + reader.getPath());
            }
        }

        @ToJson
        void toJson(JsonWriter writer, BigDecimal value) throws IOException {
            if (value == null) {
                writer.nullValue();
            } else {
                writer.value(value.toPlainString());
            }
        }
    }
}
