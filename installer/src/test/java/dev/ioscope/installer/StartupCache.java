package dev.ioscope.installer;

import java.util.Locale;

/**
 * The start-up cache the build gave the app image (installer.startupCache, docs/installing.md): a class-data
 * sharing archive for a JDK 17 runtime, or an ahead-of-time cache for a Java 25 one. Each has a JVM option that
 * refuses to start unless the cache is mapped, so a test that passes it shows the cache is really used.
 */
enum StartupCache {
    /** JDK 17: {@code lib/app/ioscope.jsa}, dumped where the launcher runs (postinst, the rpm's post scriptlet). */
    CDS("ioscope.jsa", "-Xshare:on"),
    /** Java 25: {@code lib/app/ioscope.aot}, trained by the build and carried by the packages. */
    AOT("ioscope.aot", "-XX:AOTMode=on");

    private final String file;
    private final String required;

    StartupCache(String file, String required) {
        this.file = file;
        this.required = required;
    }

    /** What this build made. */
    static StartupCache built() {
        return valueOf(System.getProperty("ioscope.installer.startupCache", "cds").toUpperCase(Locale.ROOT));
    }

    /** The file's name, in the app directory ({@code lib/app}). */
    String file() {
        return file;
    }

    /** The JVM option (for JAVA_TOOL_OPTIONS) under which the JVM refuses to start without the cache. */
    String required() {
        return required;
    }
}
