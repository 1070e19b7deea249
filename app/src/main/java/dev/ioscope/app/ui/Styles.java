package dev.ioscope.app.ui;

import javafx.css.PseudoClass;

/** CSS class names and pseudo-classes used by the views; the style sheets in ui/ define them. */
public final class Styles {
    public static final String APP = "ioscope";
    public static final String DARK = "dark";
    public static final String STATUS_BAR = "status-bar";
    public static final String SEARCH_BAR = "search-bar";
    public static final String ADVANCED_SEARCH = "advanced-search";
    public static final String HIT_COUNT = "hit-count";
    public static final String FACTS = "facts";
    public static final String FACT_TITLE = "fact-title";
    public static final String FACT_VALUE = "fact-value";
    public static final String ENTRY_CLASS = "entry-class";
    public static final String ENTRY_STATE = "entry-state";
    public static final String REGISTRY_TREE = "registry-tree";
    public static final String INSPECTOR = "inspector";
    public static final String HEX_DUMP = "hex-dump";
    public static final String SOURCE = "source-area";
    public static final String DIFF_BANNER = "diff-banner";
    public static final String ICON = "entry-icon";
    /** The explorer's breadcrumb bar of the selected entry's registry path: the bar, a crumb, the last, "/". */
    public static final String PATH_BAR = "path-bar";
    public static final String PATH_CRUMB = "path-crumb";
    public static final String PATH_CRUMB_LAST = "path-crumb-last";
    public static final String PATH_SEPARATOR = "path-separator";
    /** A machine with nothing to do, and what to do about it (the workbench's empty state). */
    public static final String EMPTY_STATE = "empty-state";
    /** Matching verdict text: a satisfied key or a winner, a failed key or a rejection, anything else, a detail. */
    public static final String VERDICT_MATCH = "verdict-match";
    public static final String VERDICT_NO_MATCH = "verdict-no-match";
    public static final String VERDICT_OTHER = "verdict-other";
    public static final String VERDICT_DETAIL = "verdict-detail";
    /** A candidate's own row (bold), as opposed to its key-by-key details. */
    public static final String VERDICT_STRONG = "verdict-strong";

    public static final PseudoClass SEARCH_HIT = PseudoClass.getPseudoClass("search-hit");
    public static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    public static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** A cell whose row is selected (set by the cell itself; see the workbench's VerdictCell). */
    public static final PseudoClass ROW_SELECTED = PseudoClass.getPseudoClass("row-selected");
    public static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");

    private Styles() {
    }
}
