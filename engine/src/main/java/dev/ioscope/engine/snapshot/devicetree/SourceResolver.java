package dev.ioscope.engine.snapshot.devicetree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Finds the files a {@code .dts} includes ({@code /include/ "x.dtsi"} and {@code #include "x.h"}). Readers get
 * only bytes and a name, so whoever knows where the file came from (the CLI, the app) passes a resolver.
 * Includes are only ever read, never written.
 */
public interface SourceResolver {
    /**
     * Opens an include.
     *
     * @param from   the name of the including source as an earlier {@link Source} gave it, or null for the
     *               top-level file
     * @param path   the path as written between the quotes (or angle brackets)
     * @param system true for {@code #include <...>}
     * @throws IOException when it cannot or may not be read; the message is shown to the user
     */
    Source open(String from, String path, boolean system) throws IOException;

    /** The name the top-level file has among {@link Source#name()}s (so that including it again is a cycle). */
    default String topName() {
        return null;
    }

    /** An included file's bytes and a name that identifies it (used in messages and to spot include cycles). */
    record Source(String name, byte[] data) {
    }

    /** Refuses every include: for bytes whose location is unknown (and for fuzzing). */
    SourceResolver NONE = (from, path, system) -> {
        throw new IOException("includes cannot be read here: the source's folder is not known");
    };

    /**
     * Resolves includes relative to the including file, never outside the folder that holds {@code topFile}
     * (symbolic links are followed, then checked). {@code <...>} includes also look in that folder.
     *
     * @param maxBytes the largest include accepted
     */
    static SourceResolver besideFile(Path topFile, long maxBytes) {
        Path base = topFile.toAbsolutePath().normalize().getParent();
        String top = topFile.getFileName() == null ? null : topFile.getFileName().toString();
        return new SourceResolver() {
            @Override
            public Source open(String from, String path, boolean system) throws IOException {
                Path dir = from == null ? base : base.resolve(from).getParent();
                Path target = dir.resolve(path).normalize();
                if (system && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    target = base.resolve(path).normalize();
                }
                if (!target.startsWith(base)) {
                    throw new IOException("'" + path + "' lies outside the folder of the source file");
                }
                if (!Files.exists(target)) {
                    throw new IOException("no such file " + base.relativize(target));
                }
                if (!target.toRealPath().startsWith(base.toRealPath())) { // a symbolic link leading out
                    throw new IOException("'" + path + "' lies outside the folder of the source file");
                }
                if (!Files.isRegularFile(target)) {
                    throw new IOException("'" + path + "' is not a file");
                }
                long size = Files.size(target);
                if (size > maxBytes) {
                    throw new IOException("'" + path + "' is " + size + " bytes, over the limit");
                }
                return new Source(base.relativize(target).toString(), Files.readAllBytes(target));
            }

            @Override
            public String topName() {
                return top;
            }
        };
    }
}
