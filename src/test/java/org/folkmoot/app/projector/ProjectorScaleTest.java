package org.folkmoot.app.projector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectorScaleTest {
    @Test
    void theDesignIsScaledSoAllOfItFitsTheWindow() {
        for (double[] window : new double[][] {{1024, 768}, {1366, 768}, {1920, 1080}, {640, 480}}) {
            double s = ProjectorView.scale(window[0], window[1]);
            assertThat(ProjectorView.DESIGN_WIDTH * s).as("width at %s", window[0]).isLessThanOrEqualTo(window[0]);
            assertThat(ProjectorView.DESIGN_HEIGHT * s).as("height at %s", window[1]).isLessThanOrEqualTo(window[1]);
        }
        assertThat(ProjectorView.scale(1024, 768)).isEqualTo(0.8);
        assertThat(ProjectorView.scale(1920, 1080)).isEqualTo(1.35);
    }
}
