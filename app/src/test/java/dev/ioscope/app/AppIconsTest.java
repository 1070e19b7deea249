package dev.ioscope.app;

import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.icons.IconSet;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window icons load from the icons module's jar as real images of the sizes they are named for. */
class AppIconsTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        // TestFX's way (idempotent, headless under Monocle): Platform.startup would break later TestFX tests.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theFirstWindowGetsEveryIconOnceTheyAreDecodedOffTheFxThread() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> stage.getIcons().clear());
        FxToolkit.setupFixture(() -> AppIcons.applySoon(stage));
        Await.until(() -> stage.getIcons().size() == IconSet.WINDOW_SIZES.size());
        assertThat(stage.getIcons()).containsExactlyElementsOf(AppIcons.images());
    }

    @Test
    void everyWindowSizeLoadsAsAnImageOfThatSize() {
        List<Image> images = AppIcons.images();
        assertThat(images).hasSameSizeAs(IconSet.WINDOW_SIZES);
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            int size = IconSet.WINDOW_SIZES.get(i);
            assertThat(image.isError()).as("%d px icon failed to load: %s", size, image.getException()).isFalse();
            assertThat(image.getWidth()).as("%d px icon width", size).isEqualTo(size);
            assertThat(image.getHeight()).as("%d px icon height", size).isEqualTo(size);
        }
    }
}
