package dev.ioscope.engine.explore;

/** What a registry search looks at, as IORegistryExplorer's search menu offers. */
public enum SearchField {
    /** The entry's name (and its plane-specific names), with {@code @location}. */
    NAME("Name"),
    /** The class and every superclass: a query for IOPCIDevice also finds IOAGPDevice entries. */
    CLASS("Class"),
    /** Property keys, nested dictionary keys included. */
    KEY("Property key"),
    /** Property values as text: strings, numbers in decimal and hex, data as hex and printable text. */
    VALUE("Property value"),
    /** The {@code BSD Name} property (disk0s1, en0). */
    BSD_NAME("BSD name"),
    /** The entry's registry path in every plane it lives in. */
    PATH("Path");

    private final String label;

    SearchField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
