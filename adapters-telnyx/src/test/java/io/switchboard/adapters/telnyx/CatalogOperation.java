package io.switchboard.adapters.telnyx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test that exercises one operation id of {@code operations.csv} ({@code telnyx.lua.send_sms}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CatalogOperation {
    String value();
}
