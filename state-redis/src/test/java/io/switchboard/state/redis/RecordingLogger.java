package io.switchboard.state.redis;

import org.slf4j.Logger;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SLF4J logger that keeps every line, rendered, with its level: what the stores said, counted by a test. */
final class RecordingLogger {

    record Line(String level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "recording";
                }
                if (List.of("trace", "debug", "info", "warn", "error").contains(name) && args != null
                        && args[0] instanceof String format) {
                    lines.add(new Line(name.toUpperCase(Locale.ROOT), render(format, args)));
                }
                if (name.equals("toString")) {
                    return "RecordingLogger";
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                return method.getReturnType() == boolean.class ? false : null;
            });

    Logger logger() {
        return logger;
    }

    List<Line> lines(String level, String containing) {
        return lines.stream().filter(l -> l.level().equals(level) && l.text().contains(containing)).toList();
    }

    List<Line> all() {
        return List.copyOf(lines);
    }

    /** SLF4J's {} placeholders filled from the arguments after the format (one array or several values). */
    private static String render(String format, Object[] args) {
        Object[] values = args.length == 2 && args[1] instanceof Object[] array ? array
                : java.util.Arrays.copyOfRange(args, 1, args.length);
        StringBuilder out = new StringBuilder();
        int from = 0;
        int next = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            out.append(format, from, at).append(next < values.length ? values[next++] : "{}");
            from = at + 2;
        }
        return out.append(format.substring(from)).toString();
    }
}
