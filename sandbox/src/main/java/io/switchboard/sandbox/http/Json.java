package io.switchboard.sandbox.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;

/** The one Moshi instance of the sandbox: maps, lists, strings, numbers (read as Double), booleans and null. */
final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private Json() {}

  static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  static Object read(String text) {
    try {
      return ADAPTER.fromJson(text);
    } catch (IOException | JsonDataException e) {
      throw new MalformedRequestException("malformed JSON body: " + e.getMessage(), e);
    }
  }
}
