package dev.ioscope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. (The explorer window is built by the explorer issue.) */
public final class IOScopeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("IOScope");
        stage.setScene(new Scene(new Label("IOScope"), 1100, 720));
        stage.show();
    }
}
