package dev.ioscope.app;

import javafx.application.Application;

/** Kept apart from {@link Launcher} so the command line path never links a JavaFX class. */
final class FxLauncher {
    private FxLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(IOScopeApp.class, args);
    }
}
