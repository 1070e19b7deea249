package dev.ioscope.app.ui;

import javafx.application.Platform;

/** The one way work reaches the FX thread: run now when already on it, else later. Never waits. */
public final class FxDispatch {
    private FxDispatch() {
    }

    public static void runNowOrLater(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
