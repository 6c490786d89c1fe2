package io.switchboard.adapters.telnyx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test that exercises a seed operation id ({@code telnyx.lua.send_sms}) end to end. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SeedOperation {
    String value();
}
