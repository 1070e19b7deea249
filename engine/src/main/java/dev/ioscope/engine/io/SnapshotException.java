package dev.ioscope.engine.io;

/**
 * A snapshot that cannot be read: names the file, the place in it (line/column or byte offset, or a
 * structural place such as an archive object index) and the problem, in words a user can act on.
 */
public class SnapshotException extends Exception {
    private final String file;
    private final String place;
    private final String problem;

    public SnapshotException(String file, String place, String problem) {
        this(file, place, problem, null);
    }

    public SnapshotException(String file, String place, String problem, Throwable cause) {
        super(format(file, place, problem), cause);
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    private static String format(String file, String place, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (place != null && !place.isEmpty()) {
            sb.append(": ").append(place);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public String place() {
        return place;
    }

    public String problem() {
        return problem;
    }
}
