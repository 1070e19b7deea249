package dev.ioscope.app.ui;

import dev.ioscope.engine.explore.EntryKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/** Every icon the app shows, over Ikonli's Material Design 2 pack. */
public enum AppIcon {
    ROOT(MaterialDesignS.SITEMAP),
    PLATFORM(MaterialDesignC.CHIP),
    CPU(MaterialDesignC.CPU_64_BIT),
    PCI(MaterialDesignE.EXPANSION_CARD),
    USB(MaterialDesignU.USB_PORT),
    STORAGE(MaterialDesignH.HARDDISK),
    NETWORK(MaterialDesignE.ETHERNET),
    DISPLAY(MaterialDesignM.MONITOR),
    AUDIO(MaterialDesignS.SPEAKER),
    INPUT(MaterialDesignK.KEYBOARD),
    POWER(MaterialDesignP.POWER_PLUG),
    USER_CLIENT(MaterialDesignA.APPLICATION_COG),
    RESOURCES(MaterialDesignD.DATABASE),
    OTHER(MaterialDesignC.CUBE_OUTLINE),
    OPEN(MaterialDesignF.FOLDER_OPEN),
    SEARCH(MaterialDesignM.MAGNIFY),
    PREVIOUS(MaterialDesignC.CHEVRON_UP),
    NEXT(MaterialDesignC.CHEVRON_DOWN),
    FILTERS(MaterialDesignF.FILTER_VARIANT),
    THEME(MaterialDesignT.THEME_LIGHT_DARK),
    COMPARE(MaterialDesignC.COMPARE_HORIZONTAL),
    EXPORT(MaterialDesignE.EXPORT),
    COPY(MaterialDesignC.CONTENT_COPY),
    // the workbench's run control
    RUN(MaterialDesignP.PLAY),
    PAUSE(MaterialDesignP.PAUSE),
    STEP(MaterialDesignS.STEP_FORWARD),
    STEP_BACK(MaterialDesignS.STEP_BACKWARD),
    RUN_TO_BREAKPOINT(MaterialDesignS.SKIP_NEXT),
    KEXT(MaterialDesignP.PUZZLE),
    SCENARIO(MaterialDesignF.FILE_DOCUMENT_OUTLINE),
    EXPAND_ALL(MaterialDesignA.ARROW_EXPAND_ALL),
    COLLAPSE_ALL(MaterialDesignA.ARROW_COLLAPSE_ALL),
    BATTERY(MaterialDesignB.BATTERY_CHARGING),
    SAVE(MaterialDesignC.CONTENT_SAVE),
    UNPLUG(MaterialDesignP.POWER_PLUG_OFF),
    UNDO(MaterialDesignU.UNDO),
    REDO(MaterialDesignR.REDO);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    public FontIcon create() {
        FontIcon f = new FontIcon(ikon);
        f.getStyleClass().add(Styles.ICON);
        return f;
    }

    /**
     * Shows this icon on {@code f} (made by {@link #create}): a cell that shows another entry keeps its icon node
     * and changes only the glyph, so no new node is styled (a search that scrolls the tree updates every row).
     */
    public void showOn(FontIcon f) {
        if (f.getIconCode() != ikon) {
            f.setIconCode(ikon);
        }
    }

    public static AppIcon of(EntryKind kind) {
        return switch (kind) {
            case ROOT -> ROOT;
            case PLATFORM -> PLATFORM;
            case CPU -> CPU;
            case PCI -> PCI;
            case USB -> USB;
            case STORAGE -> STORAGE;
            case NETWORK -> NETWORK;
            case DISPLAY -> DISPLAY;
            case AUDIO -> AUDIO;
            case INPUT -> INPUT;
            case POWER -> POWER;
            case USER_CLIENT -> USER_CLIENT;
            case RESOURCES -> RESOURCES;
            case OTHER -> OTHER;
        };
    }
}
