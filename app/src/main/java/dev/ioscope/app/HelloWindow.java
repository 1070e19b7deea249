package dev.ioscope.app;

import dev.ioscope.app.ui.StartTimeline;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The first-window benchmark's peer (scripts/bench-first-window.sh): a JavaFX hello-world window started from the
 * same jar, {@code java -Dioscope.bench=first-window -cp ioscope.jar dev.ioscope.app.HelloWindow}. It prints
 * {@link FirstFrameMark}'s line after its first frame and exits.
 */
public final class HelloWindow {
    private HelloWindow() {
    }

    public static void main(String[] args) {
        StartTimeline.mark("main");
        Application.launch(Window.class, args);
    }

    /** The window itself; kept nested so the jar's class path start needs no Application main class. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            StartTimeline.mark("start");
            Scene scene = new Scene(new StackPane(new Label("Hello, world")), 640, 480);
            stage.setTitle("Hello");
            stage.setScene(scene);
            stage.show();
            StartTimeline.mark("stage shown");
            if (FirstFrameMark.enabled()) {
                FirstFrameMark.afterNextFrame(scene);
            }
        }
    }
}
