package io.switchboard.adapters.twilio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test that exercises one operation id of {@code operations.csv} ({@code twilio.lua.twilio_send_sms}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CatalogOperation {
    String value();
}
